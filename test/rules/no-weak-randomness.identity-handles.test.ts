/**
 * no-weak-randomness: a local whose every read only compares it (here, or as the parameter of a function of the same
 * file) is an in-process handle, a generation counter or a stale-response guard, and takes no purpose from its name
 * (src/rule-kit/identity-handles.ts). Near misses stay reported: the same counter value returned, sent as a cookie,
 * or built into a text.
 */
import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-randomness (identity handles)', rule, {
  valid: [
    {
      // a poll loop's generation: bumped to stop, captured per loop, compared by a private method
      code: "declare function fetchStatus(id: string): Promise<string>;\nexport class StatusPoller {\n  #pollToken = 0;\n  #timer: ReturnType<typeof setTimeout> | null = null;\n  stop() {\n    this.#pollToken += 1;\n  }\n  async start(id: string) {\n    this.stop();\n    const token = this.#pollToken;\n    const tick = async () => {\n      if (await this.#once(id, token)) return;\n      this.#timer = setTimeout(tick, 5000);\n    };\n    await tick();\n  }\n  async #once(id: string, token: number): Promise<boolean> {\n    const status = await fetchStatus(id);\n    if (token !== this.#pollToken) return true;\n    return status === 'done';\n  }\n}\n",
      filename: 'src/status-poller.ts',
    },
    {
      // a stale-response guard: only the latest search renders
      code: "declare function render(r: unknown): void;\nlet latest = 0;\nexport async function search(q: string) {\n  const requestToken = ++latest;\n  const res = await fetch('/search?q=' + encodeURIComponent(q));\n  if (requestToken !== latest) return;\n  render(await res.json());\n}\n",
      filename: 'src/search.ts',
    },
    {
      // an edit ticket checked by a same-file helper before a save applies
      code: 'let current = 0;\nconst isCurrent = (ticket: number) => ticket === current;\nexport function beginEdit(apply: (ok: boolean) => void) {\n  const editToken = ++current;\n  setTimeout(() => apply(isCurrent(editToken)), 100);\n}\n',
      filename: 'src/edits.ts',
    },
  ],
  invalid: [
    {
      // near miss: the same counter value handed to the caller
      code: 'let latest = 0;\nexport function issue() {\n  const requestToken = ++latest;\n  if (requestToken > 1000) latest = 0;\n  return requestToken;\n}\n',
      filename: 'src/issue.ts',
      errors: [{ messageId: 'weakRandom', line: 3, column: 24, endLine: 3, endColumn: 32 }],
    },
    {
      // near miss: compared, and also sent as a cookie
      code: "let seq = 0;\nexport function login(res: { cookie(n: string, v: string): void }) {\n  const sessionToken = String(++seq);\n  if (sessionToken === '0') return;\n  res.cookie('sid', sessionToken);\n}\n",
      filename: 'src/login.ts',
      errors: [{ messageId: 'weakRandom', line: 3, column: 31, endLine: 3, endColumn: 36 }],
    },
    {
      // near miss: compared, and also built into a text that leaves
      code: 'declare function send(s: string): void;\nlet n = 0;\nexport function invite() {\n  const inviteToken = ++n;\n  if (inviteToken < 0) return;\n  send(`https://example.com/join?t=${inviteToken}`);\n}\n',
      filename: 'src/invite.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 23, endLine: 4, endColumn: 26 }],
    },
  ],
});
