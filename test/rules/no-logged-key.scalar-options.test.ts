/**
 * no-logged-key: a text or a number passed where a client also takes its options holds no password (issue 11,
 * session 31, lk15). node-redis v2/v3 and ioredis take `(port, host, options)` as well as `(options)`, so the
 * first argument of `createClient(redisPort, redisHost)` is a port read from the environment, not an options object
 * with a `password` member; logging it leaks nothing. The value is a scalar when the file binds it to an
 * environment variable's value (always a string), a template, a numeric conversion, or a fallback between those
 * (src/rule-kit/leaks.ts `mayHold`). Near misses that stay reported: an options object with the password, and a
 * value the file cannot see made (a call's result), passed where the options go.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (scalars in an options position)', rule, {
  valid: [
    {
      code: [
        "const redis = require('redis');",
        'const cachePort = process.env.CACHE_PORT;',
        'const cacheHost = process.env.CACHE_HOST;',
        'const client = redis.createClient(cachePort, cacheHost);',
        'client.on("ready", () => console.log(`cache at ${cacheHost}:${cachePort}`));',
      ].join('\n'),
      filename: 'server/cache.js',
    },
    {
      code: [
        "import { createClient } from 'redis';",
        'const port = Number(process.env.CACHE_PORT) || 6379;',
        "const socketPath = `${process.env.RUN_DIR ?? '/run'}/cache.sock`;",
        'export const first = createClient(port);',
        'export const second = createClient(socketPath);',
        "console.info('cache', port, socketPath);",
      ].join('\n'),
      filename: 'src/cache.ts',
    },
  ],
  invalid: [
    {
      code: [
        "import { createClient } from 'redis';",
        'declare function loadCacheOptions(): object;',
        'const options = { url: process.env.CACHE_URL, password: process.env.CACHE_AUTH };',
        'const loaded = loadCacheOptions();',
        'export const a = createClient(options);',
        'export const b = createClient(loaded);',
        "console.info('cache', options, loaded);",
      ].join('\n'),
      filename: 'src/cache.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import { createClient } from 'redis';",
                'declare function loadCacheOptions(): object;',
                'const options = { url: process.env.CACHE_URL, password: process.env.CACHE_AUTH };',
                'const loaded = loadCacheOptions();',
                'export const a = createClient(options);',
                'export const b = createClient(loaded);',
                "console.info('cache', '[redacted]', loaded);",
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                "import { createClient } from 'redis';",
                'declare function loadCacheOptions(): object;',
                'const options = { url: process.env.CACHE_URL, password: process.env.CACHE_AUTH };',
                'const loaded = loadCacheOptions();',
                'export const a = createClient(options);',
                'export const b = createClient(loaded);',
                "console.info('cache', options, '[redacted]');",
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
