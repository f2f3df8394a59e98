/**
 * no-logged-key: a project's helper that logs a command line, URL or connection string and also runs or sends it
 * (issue 11, session 37, the miss class session 36's new repositories showed: a CLI building `--hmac ${key}` for a
 * spawn helper that logs each command, a request helper that logs each URL with its `?key=`). The caller's text
 * built from a secret (template, `+`, `.join`) is logged there, whether the helper takes it whole, as `opts.cmd` or
 * destructured. Near misses: text with no secret, a helper that logs another field, one that logs a digest or the
 * host only, and a secret handed over whole (the helper needs it; src/rule-kit/built-text.ts).
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (helpers that log the text they run or send, session 37)', rule, {
  valid: [
    {
      // the same helpers given text with no secret in it
      code: "import { execSync } from 'node:child_process';\nimport pino from 'pino';\n\nconst log = pino();\n\nfunction sh(cmd: string): string {\n  log.info(`$ ${cmd}`);\n  return execSync(cmd, { encoding: 'utf8' });\n}\n\nexport function listBackups(dir: string, user: string) {\n  sh(`ls -la ${dir}`);\n  sh('whoami && id ' + user);\n}\n",
      filename: 'src/ops/shell-ok.ts',
    },
    {
      // a helper that logs only the working directory, while the command it runs holds the key
      code: "import { spawnSync } from 'node:child_process';\n\nfunction spawnIn(opts: { cmd: string; cwd: string }) {\n  console.log('running in ' + opts.cwd);\n  return spawnSync(opts.cmd, { cwd: opts.cwd, shell: true });\n}\n\nexport function issue(hmacKey: string) {\n  spawnIn({ cmd: `lego --hmac ${hmacKey} run`, cwd: '/var/lib/lego' });\n}\n",
      filename: 'src/ops/cwd-only.ts',
    },
    {
      // a request helper that logs the host or a digest of the URL, not the URL
      code: "import { createHash } from 'node:crypto';\nimport winston from 'winston';\n\nconst logger = winston.createLogger();\n\nasync function get(url: string) {\n  logger.debug('GET', { host: new URL(url).host, ref: createHash('sha256').update(url).digest('hex') });\n  return fetch(url);\n}\n\nexport function listZones(apiKey: string) {\n  return get(`https://api.dns.example/v3/zones?key=${apiKey}`);\n}\n",
      filename: 'src/http/host-only.ts',
    },
    {
      // a secret handed whole to a helper that uses it: not text built around it
      code: "import pino from 'pino';\n\nconst log = pino();\ndeclare function openPool(dsn: string): Promise<void>;\n\nasync function connect(dsn: string) {\n  log.info('opening pool ' + dsn);\n  await openPool(dsn);\n}\n\nexport function start(databaseUrl: string) {\n  return connect(databaseUrl);\n}\n",
      filename: 'src/db/whole.ts',
    },
  ],
  invalid: [
    {
      // a shell helper that logs each command it runs: a password put on the command line
      code: "import { execSync } from 'node:child_process';\nimport pino from 'pino';\n\nconst log = pino();\n\nfunction sh(cmd: string): string {\n  log.info(`$ ${cmd}`);\n  return execSync(cmd, { encoding: 'utf8' });\n}\n\nexport function dump(host: string, password: string) {\n  sh(`mysqldump -h ${host} -p${password} app`);\n}\n",
      filename: 'src/ops/backup.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 12,
          column: 32,
          endLine: 12,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { execSync } from 'node:child_process';\nimport pino from 'pino';\n\nconst log = pino();\n\nfunction sh(cmd: string): string {\n  log.info(`$ ${cmd}`);\n  return execSync(cmd, { encoding: 'utf8' });\n}\n\nexport function dump(host: string, password: string) {\n  sh(`mysqldump -h ${host} -p[redacted] app`);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a request helper that logs each URL it fetches: an API key in the query, made in a const first
      code: "import winston from 'winston';\n\nconst logger = winston.createLogger();\n\nconst get = async (url: string) => {\n  logger.debug(`http request: ${url}`);\n  const res = await fetch(url);\n  return res.json();\n};\n\nexport function listZones(apiKey: string) {\n  const url = `https://api.dns.example/v3/zones?key=${apiKey}&format=json`;\n  return get(url);\n}\n",
      filename: 'src/http/zones.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 13,
          column: 14,
          endLine: 13,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\n\nconst logger = winston.createLogger();\n\nconst get = async (url: string) => {\n  logger.debug(`http request: ${url}`);\n  const res = await fetch(url);\n  return res.json();\n};\n\nexport function listZones(apiKey: string) {\n  const url = `https://api.dns.example/v3/zones?key=${apiKey}&format=json`;\n  return get('[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // an options helper that logs opts.cmd and runs it: a token joined into the argv
      code: "import { spawnSync } from 'node:child_process';\n\nfunction run(opts: { cmd: string; cwd?: string }) {\n  console.info('exec: ' + opts.cmd);\n  return spawnSync(opts.cmd, { cwd: opts.cwd, shell: true });\n}\n\nexport function publish(npmToken: string) {\n  run({ cmd: ['npm', 'publish', '--//registry.npmjs.org/:_authToken=' + npmToken].join(' ') });\n}\n",
      filename: 'src/ops/release.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 73,
          endLine: 9,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { spawnSync } from 'node:child_process';\n\nfunction run(opts: { cmd: string; cwd?: string }) {\n  console.info('exec: ' + opts.cmd);\n  return spawnSync(opts.cmd, { cwd: opts.cwd, shell: true });\n}\n\nexport function publish(npmToken: string) {\n  run({ cmd: ['npm', 'publish', '--//registry.npmjs.org/:_authToken=' + '[redacted]'].join(' ') });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a destructured command helper: a registry password concatenated into docker login
      code: "const { execSync } = require('node:child_process');\n\nfunction runCommand({ command, env }) {\n  console.log(`> ${command}`);\n  return execSync(command, { env });\n}\n\nfunction login(registryPassword) {\n  runCommand({ command: 'docker login -u ci -p ' + registryPassword + ' registry.example.com', env: process.env });\n}\n\nmodule.exports = { login };\n",
      filename: 'src/ops/registry.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 9,
          column: 52,
          endLine: 9,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const { execSync } = require('node:child_process');\n\nfunction runCommand({ command, env }) {\n  console.log(`> ${command}`);\n  return execSync(command, { env });\n}\n\nfunction login(registryPassword) {\n  runCommand({ command: 'docker login -u ci -p ' + '[redacted]' + ' registry.example.com', env: process.env });\n}\n\nmodule.exports = { login };\n",
            },
          ],
        },
      ],
    },
  ],
});
