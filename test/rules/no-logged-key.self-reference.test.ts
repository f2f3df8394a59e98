import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

// session 27 (lead; speed11 found the crash on two real repositories): a binding reassigned from a spread of itself
// (`opts = { ...opts, ...extra }`), or two objects that hold each other, made the leak finder follow the binding
// forever and ESLint abort the whole run with a stack overflow. Each binding is now judged once per chain; what it
// holds is still found.
const merged = (extra: string, sink: string): string =>
  `export function connect(log: { info(x: unknown): void }, ${extra}) {\n` +
  `  let opts = { host: 'db', port: 5432 };\n` +
  `  opts = { ...opts, ...(${extra.split(':')[0]}) };\n` +
  `  ${sink};\n}\n`;

const leaky =
  'export function connect(log: { info(x: unknown): void }, password: string) {\n' +
  '  let opts = { host: "db", port: 5432 };\n  opts = { ...opts, password };\n  log.info(opts);\n}\n';

ruleTester.run('no-logged-key (self-referencing bindings)', rule, {
  valid: [
    { code: merged('extra: { retries?: number }', 'log.info(opts)'), filename: 'src/db.ts' },
    {
      code:
        'export async function save(ctx: any, hooks: any) {\n  let data = { email: ctx.body.email, role: "member" };\n' +
        '  const r = await hooks.before({ data });\n  if (r && typeof r === "object") {\n' +
        '    data = { ...data, ...r.data };\n  }\n  const saved = await ctx.adapter.create({ data, user: ctx.user });\n' +
        '  return ctx.json(saved);\n}\n',
      filename: 'src/routes/invites.ts',
    },
    {
      code:
        'export function f(log: { info(x: unknown): void }) {\n  const invite = { member: null as unknown, status: "pending" };\n' +
        '  const member = { invite, role: "owner" };\n  invite.member = member;\n  log.info(invite);\n}\n',
      filename: 'src/cycle.ts',
    },
  ],
  invalid: [
    {
      code: leaky,
      filename: 'src/db.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            { messageId: 'useRedacted', output: leaky.replace('log.info(opts)', "log.info('[redacted]')") },
          ],
        },
      ],
    },
  ],
});
