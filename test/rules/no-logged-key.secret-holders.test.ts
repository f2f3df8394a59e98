/**
 * no-logged-key: whole objects that hold a secret by content, logged in another module (issue 11, session 38,
 * log22). The object is written in fixtures/rule-tester/log-helpers/apps/worker/src/runtime.ts under member names no
 * name list has (`material`, `gate`, `hush`, `seal`); its member holds a secret environment variable, or a value that
 * module passes as an HMAC key, and it reaches the log through a named import, a default export, a barrel, a spread
 * of another object and `Object.assign` (src/rule-kit/secret-holders.ts). Near misses: settings with no secret member
 * (a key id, an empty placeholder), `Object.keys(…)`, a plain member, a copy that overwrites the secret member with a
 * literal, and the object in a template (`${runtime}` prints no member).
 */
import rule from '../../rules/no-logged-key.js';
import { logHelpersRuleTester } from '../helpers/rule-tester.js';

const BOOT = [
  "import pino from 'pino';",
  "import { runtime, upstream, mailing, dbOptions } from './runtime';",
  "import worker from './runtime';",
  "import { barrelRuntime } from './settings';",
  'const log = pino();',
  'export function boot() {',
  "  log.info({ runtime }, 'runtime ready');",
  "  console.log('upstream', upstream);",
  "  log.debug(mailing, 'mail transport');",
  "  console.info('db', dbOptions);",
  "  log.info({ worker }, 'worker');",
  '  console.log(barrelRuntime);',
  '}',
].join('\n');

/** BOOT with `from` on line `line` (1-based) replaced by `to`: its first place, or its last (`last`). */
const redactAt = (line: number, from: string, to: string, last: boolean): string =>
  BOOT.split('\n')
    .map((l, i) => {
      if (i !== line - 1) return l;
      const at = last ? l.lastIndexOf(from) : l.indexOf(from);
      return l.slice(0, at) + to + l.slice(at + from.length);
    })
    .join('\n');

const error = (line: number, column: number, name: string, field = false) => ({
  messageId: 'loggedKey' as const,
  line,
  column,
  endLine: line,
  endColumn: column + name.length,
  suggestions: [
    {
      messageId: 'useRedacted' as const,
      output: redactAt(line, name, field ? `${name}: '[redacted]'` : "'[redacted]'", !field),
    },
  ],
});

logHelpersRuleTester.run('no-logged-key (secret-bearing objects from another module)', rule, {
  valid: [
    {
      code: [
        "import { publicSettings, signingInfo } from './public-settings';",
        "import { runtime } from './runtime';",
        'console.log(publicSettings);',
        'console.log({ signingInfo });',
        'console.log(Object.keys(runtime));',
        "console.log('region', runtime.region);",
        "console.log({ ...runtime, material: '[redacted]' });",
        'console.log(`runtime ${runtime}`);',
      ].join('\n'),
      filename: 'apps/worker/src/boot-ok.ts',
    },
  ],
  invalid: [
    {
      code: BOOT,
      filename: 'apps/worker/src/boot.ts',
      errors: [
        error(7, 14, 'runtime', true),
        error(8, 27, 'upstream'),
        error(9, 13, 'mailing'),
        error(10, 22, 'dbOptions'),
        error(11, 14, 'worker', true),
        error(12, 15, 'barrelRuntime'),
      ],
    },
  ],
});
