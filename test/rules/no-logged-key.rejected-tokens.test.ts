/**
 * no-logged-key: a presented token logged on the branch where its own check rejected it (issue 11, session 40,
 * logfp24; the shapes of jambonz-api-server's, joplin's and standardnotes-server's false positives, written anew).
 * A token that failed its validity check, or that a store reports spent (used, revoked, expired), is a wrong guess or a
 * dead token: it grants nothing. An inequality is not read (`if (token !== expected) log({ got: token, expected })`
 * logs the expected secret beside it). Near misses that stay reported: the token
 * logged where the check passed or before it, a check of another value, and a password logged after a failed check
 * (a wrong password is often a typo of the right one).
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const kept = [
  'export function upgrade(request, socket, logger) {',
  "  if (isValidWsKey(request.headers['authorization'])) {",
  "    logger.info(`accepted ${request.headers['authorization']}`);",
  '  }',
  '}',
  'export async function redeem(req, logger, tokens) {',
  "  const resetToken = req.query['reset_token'];",
  '  logger.debug({ resetToken }, "redeeming");',
  '  if (await tokens.isUsed(req.query.other)) logger.debug({ resetToken }, "other token spent");',
  '}',
  'export async function login(req, logger) {',
  '  const password = req.body.password;',
  '  if (!(await verifyLogin(req.body.user, password))) logger.warn(`bad login with ${password}`);',
  '}',
].join('\n');

ruleTester.run('no-logged-key (tokens their own check rejected)', rule, {
  valid: [
    {
      code: [
        'export function upgrade(request, socket, logger) {',
        "  if (!isValidWsKey(request.headers['authorization'])) {",
        "    logger.info(`invalid auth header: ${request.headers['authorization'] || 'missing'}`);",
        '    return socket.destroy();',
        '  }',
        '}',
        'export function api(req, res, logger) {',
        '  const apiToken = req.get("x-api-token");',
        '  if (!verifyApiToken(apiToken)) {',
        '    logger.warn({ apiToken }, "rejected token");',
        '    return res.sendStatus(401);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/server/upgrade.js',
    },
    {
      code: [
        'export async function valet(request, response, logger, repo) {',
        "  const valetToken = request.headers['x-valet-token'];",
        '  if (await repo.isUsed(valetToken)) {',
        '    logger.debug("Already used valet token.", { valetToken, codeTag: "valet" });',
        '    return response.status(401).send();',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/server/valet.js',
    },
  ],
  invalid: [
    {
      code: kept,
      filename: 'src/server/kept.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: kept.replace("accepted ${request.headers['authorization']}", 'accepted [redacted]'),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: kept.replace(
                'logger.debug({ resetToken }, "redeeming")',
                `logger.debug({ resetToken: '[redacted]' }, "redeeming")`,
              ),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 60,
          endLine: 9,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: kept.replace(
                'logger.debug({ resetToken }, "other',
                `logger.debug({ resetToken: '[redacted]' }, "other`,
              ),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 13,
          column: 84,
          endLine: 13,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: kept.replace('bad login with ${password}', 'bad login with [redacted]'),
            },
          ],
        },
      ],
    },
  ],
});
