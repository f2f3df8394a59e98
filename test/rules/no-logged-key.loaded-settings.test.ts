/**
 * no-logged-key: settings loaded whole at start-up and logged whole (issue 11, session 38, log22): the parsed `.env`
 * file, a settings document parsed from a file read at the module's top level (YAML, JSON), rc's merged
 * configuration and node-config's whole module, whatever they are called (src/rule-kit/loaded-settings.ts, catalogue
 * `settingsLoaders`, `settingsParsers`, `settingsModules`). Near misses: one setting read from them, their key names,
 * the object in a template, a data file parsed inside a request handler, and `dotenv.config()` only run.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const LOADED = [
  "import fs from 'node:fs';",
  "import yaml from 'js-yaml';",
  "import dotenv from 'dotenv';",
  "import rc from 'rc';",
  "import appConfig from 'config';",
  "const fileSettings = yaml.load(fs.readFileSync('deploy/service.yml', 'utf8'));",
  'const deployValues = dotenv.config().parsed;',
  "const raw = fs.readFileSync(process.argv[2] ?? 'settings.json', 'utf8');",
  'export const boot = JSON.parse(raw);',
  "const merged = rc('billing', { port: 8080 });",
  "console.log('loaded', fileSettings);",
  "console.info('env file', { deployValues });",
  "console.debug('boot', boot);",
  "console.log('rc', merged);",
  "console.log('node-config', appConfig);",
].join('\n');

const redacted = (line: number, name: string, field = false): string =>
  LOADED.split('\n')
    .map((l, i) => {
      if (i !== line - 1) return l;
      const at = l.lastIndexOf(name);
      return l.slice(0, at) + (field ? `${name}: '[redacted]'` : "'[redacted]'") + l.slice(at + name.length);
    })
    .join('\n');

const error = (line: number, column: number, name: string, field = false) => ({
  messageId: 'loggedKey' as const,
  line,
  column,
  endLine: line,
  endColumn: column + name.length,
  suggestions: [{ messageId: 'useRedacted' as const, output: redacted(line, name, field) }],
});

ruleTester.run('no-logged-key (settings loaded whole at start-up)', rule, {
  valid: [
    {
      code: [
        "import fs from 'node:fs';",
        "import yaml from 'js-yaml';",
        "import dotenv from 'dotenv';",
        "const fileSettings = yaml.load(fs.readFileSync('deploy/service.yml', 'utf8')) as { port: number };",
        'dotenv.config();',
        "console.log('port', fileSettings.port);",
        "console.log('keys', Object.keys(fileSettings));",
        'console.log(`settings ${fileSettings}`);',
        'export function importRows(path: string) {',
        "  const rows = JSON.parse(fs.readFileSync(path, 'utf8'));",
        "  console.log('rows', rows);",
        '}',
        "const doc = yaml.load('a: 1');",
        "console.log('doc', doc);",
      ].join('\n'),
      filename: 'src/settings-ok.ts',
    },
  ],
  invalid: [
    {
      code: LOADED,
      filename: 'src/settings.ts',
      errors: [
        error(11, 23, 'fileSettings'),
        error(12, 28, 'deployValues', true),
        error(13, 23, 'boot'),
        error(14, 19, 'merged'),
        error(15, 28, 'appConfig'),
      ],
    },
  ],
});
