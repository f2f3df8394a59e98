/**
 * no-logged-key: an object logged where the secret that made it secret-bearing is known not to be in it (issue 11,
 * session 40, logfp24; the shapes of jambonz-api-server's false positives, written anew). Four mechanisms:
 *
 * - a member the file sends as a bearer credential (`Bearer ${reply.access_token}`) is tested absent where the reply
 *   is logged (`if (!reply.access_token) log.error({ reply })`: an OAuth token endpoint's error reply, RFC 6749 §5.2);
 * - a copy of a request body (`{ ...req.body, hash }`) whose secret fields are deleted, or set to a placeholder, in a
 *   statement that runs before the log on every path;
 * - a stored hash field passed first to a password verifier (`verifyPassword(user.hashed_password, attempt)`, the
 *   argon2 order) is the verifier, not a secret: the user row logged with it carries a salted slow hash;
 * - a Twilio-style string identifier (`account_sid`, `service_provider_sid`, a route's `:sid` path parameter) names a
 *   resource, not a session.
 *
 * Near misses that stay reported: the reply logged where the token may be there (after the test, or under a
 * disjunction), a copy whose delete is conditional, comes after the log or leaves another secret field, a verifier
 * whose first argument is named for the password itself, and a session's `sid` read from a cookie or a bare `sid`
 * from the body.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const redacted = (code: string, from: string, to: string): string => code.replace(from, to);

const oauthLogged = [
  'export async function exchange(logger, code) {',
  "  const res = await fetch('https://idp.example/oauth/token', { method: 'POST', body: code });",
  '  const reply = await res.json();',
  '  logger.info({ reply }, "token endpoint replied");',
  '  if (!reply.access_token || !reply.scope) {',
  '    logger.error({ reply }, "no usable token");',
  "    throw new Error('token exchange failed');",
  '  }',
  "  return fetch('https://idp.example/me', { headers: { Authorization: `Bearer ${reply.access_token}` } });",
  '}',
].join('\n');

const copies = [
  'export function signup(req, logger) {',
  '  const record = { ...req.body, created: Date.now() };',
  '  if (req.query.strip) delete record.password;',
  '  logger.info({ record }, "signup");',
  '  return req.body.password;',
  '}',
  'export function invite(req, logger) {',
  '  const entry = { ...req.body };',
  '  logger.debug({ entry }, "invite");',
  '  delete entry.secret;',
  '  return req.body.secret;',
  '}',
  'export function link(req, logger) {',
  '  const shown = { ...req.body };',
  '  delete shown.password;',
  '  logger.debug({ shown }, "link");',
  '  return [req.body.password, req.body.apiKey];',
  '}',
].join('\n');

const verifiers = [
  'export async function login(req, logger) {',
  '  const account = await findAccount(req.body.email);',
  '  const ok = await verifyPassword(account.password, req.body.password);',
  '  logger.debug({ account }, "login");',
  '  return ok;',
  '}',
].join('\n');

const sessions = [
  'export function whoami(req, logger) {',
  '  logger.info(`session ${req.cookies.sid}`);',
  '  logger.info(`resume ${req.body.sid}`);',
  '}',
].join('\n');

ruleTester.run('no-logged-key (secrets known absent from what is logged)', rule, {
  valid: [
    {
      // The OAuth error reply, tested alone, in a conjunction, in the `else` of a presence test, past an early exit.
      code: [
        'export async function github(logger, code) {',
        "  const res = await fetch('https://github.example/login/oauth/access_token', { method: 'POST', body: code });",
        '  const obj = await res.json();',
        '  if (!obj.access_token) {',
        '    logger.error({ obj }, "Error retrieving access_token");',
        "    throw new Error(obj.error || 'error retrieving access_token');",
        '  }',
        "  return fetch('https://api.github.example/user', { headers: { Authorization: `Bearer ${obj.access_token}` } });",
        '}',
        'export async function google(logger, code) {',
        "  const res = await fetch('https://oauth2.example/token', { method: 'POST', body: code });",
        '  const body = await res.json();',
        '  if (!body.access_token && body.error) logger.warn({ body }, "token refused");',
        "  else return fetch('https://people.example/me', { headers: { authorization: 'Bearer ' + body.access_token } });",
        '}',
        'export async function gitlab(logger, code) {',
        "  const res = await fetch('https://gitlab.example/oauth/token', { method: 'POST', body: code });",
        '  const out = await res.json();',
        '  if (out.access_token) {',
        "    return fetch('https://gitlab.example/api/v4/user', { headers: { Authorization: `Bearer ${out.access_token}` } });",
        '  } else {',
        '    logger.error({ out }, "no token");',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/auth/oauth.js',
    },
    {
      // A copy of the body with its plaintext password deleted (or blanked) before it is logged, a hash added.
      code: [
        'export async function addUser(req, logger) {',
        '  const passwordHash = await hashPassword(req.body.initial_password);',
        '  const payload = { ...req.body, hashed_password: passwordHash, provider: "local" };',
        '  delete payload.initial_password;',
        '  if (await exists(payload.email)) {',
        '    logger.debug({ payload }, "user with this email already exists");',
        '    return;',
        '  }',
        '  logger.debug({ payload }, "POST /users");',
        '  return save(payload);',
        '}',
        'export function register(req, logger) {',
        '  const { password, email } = req.body;',
        '  const data = { ...req.body };',
        '  data.password = undefined;',
        '  console.log(data);',
        '  return { password, email };',
        '}',
      ].join('\n'),
      filename: 'src/routes/users.js',
    },
    {
      // The user row logged after a verifier took its stored hash first (argon2's verify(hash, plain) order).
      code: [
        'export async function signin(req, res, logger) {',
        '  const { username, password } = req.body;',
        '  const [user] = await findUsers(username);',
        '  const isCorrect = await verifyPassword(user.hashed_password, password);',
        '  if (!isCorrect) return res.sendStatus(403);',
        '  logger.debug({ user }, "signin: retrieved user");',
        '  return res.json({ sid: user.user_sid });',
        '}',
        'export async function unlock(attempt, logger) {',
        '  const vault = await loadVault();',
        '  const ok = await checkPassword(vault.passwordHash, attempt);',
        '  logger.info({ vault }, "vault loaded");',
        '  return ok;',
        '}',
      ].join('\n'),
      filename: 'src/routes/signin.js',
    },
    {
      // Resource identifiers named SIDs: a route's `:sid`, a tenant's `service_provider_sid`, an `account_sid`.
      code: [
        'export async function remove(req, res, logger) {',
        '  const sid = req.params.sid;',
        '  const rows = await Model.remove(sid);',
        '  if (rows === 0) {',
        '    logger.info(`unable to delete with sid ${sid}: not found`);',
        '    return res.sendStatus(404);',
        '  }',
        '  logger.info(`deleted call ${req.params.call_sid}`);',
        '}',
        'export async function register(req) {',
        '  const [sp] = await lookup(req.body.service_provider_sid);',
        '  if (!sp) throw new Error(`service_provider not found for sid ${req.body.service_provider_sid}`);',
        '  console.log(`account ${req.query.account_sid} registered`);',
        '}',
      ].join('\n'),
      filename: 'src/routes/decorate.js',
    },
  ],
  invalid: [
    {
      // Logged before the test, and under a disjunction (the token may be there when only the scope is missing).
      code: oauthLogged,
      filename: 'src/auth/oauth.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: redacted(oauthLogged, '  logger.info({ reply }', "  logger.info({ reply: '[redacted]' }"),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: redacted(oauthLogged, '  logger.error({ reply }', "  logger.error({ reply: '[redacted]' }"),
            },
          ],
        },
      ],
    },
    {
      // The delete is conditional, comes after the log, or leaves another secret field of the body.
      code: copies,
      filename: 'src/routes/users.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: redacted(copies, '{ record }', "{ record: '[redacted]' }"),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: redacted(copies, '{ entry }', "{ entry: '[redacted]' }"),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 16,
          column: 18,
          endLine: 16,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: redacted(copies, '{ shown }', "{ shown: '[redacted]' }"),
            },
          ],
        },
      ],
    },
    {
      // The member passed first is named for the password itself: no sign it is the stored hash.
      code: verifiers,
      filename: 'src/routes/login.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: redacted(verifiers, '{ account }', "{ account: '[redacted]' }"),
            },
          ],
        },
      ],
    },
    {
      // A session's `sid` from the cookies, and a bare `sid` the caller posts: a session id, not a route's resource.
      code: sessions,
      filename: 'src/routes/session.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: redacted(sessions, '${req.cookies.sid}', '[redacted]'),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: redacted(sessions, '${req.body.sid}', '[redacted]'),
            },
          ],
        },
      ],
    },
  ],
});
