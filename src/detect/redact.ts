/**
 * Redaction: the only form in which a secret may appear in a message, report, baseline or log.
 * Pure: no I/O.
 */

/**
 * A redacted form that shows a known prefix and at most a few characters at the end, so a person can
 * find the key again without the report leaking it: `AKIA…WXYZ`, `ghp_…3eF7`, `-----BEGIN RSA PRIVATE KEY-----…`.
 * At most a quarter of the characters are shown, never more than 8, and nothing for short secrets.
 */
export function redact(secret: string): string {
  const s = secret.trim();
  const pem = /^-----BEGIN [A-Z0-9 ]{1,60}-----/.exec(s);
  if (pem) return `${pem[0]}…`;
  if (s.length < 12) return `•••• (${s.length} chars)`;
  const known =
    /^(?:AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|sk_live_|rk_live_|sk_test_|rk_test_|AIza|npm_|SG\.|sk-proj-|sk-ant-|sk-|eyJ|SK)/.exec(
      s,
    );
  const budget = Math.min(8, Math.floor(s.length / 4));
  const prefix = known ? known[0] : s.slice(0, Math.min(2, Math.floor(budget / 2)));
  const tail = Math.max(0, Math.min(4, budget - (known ? 0 : prefix.length)));
  return `${prefix}…${tail > 0 ? s.slice(-tail) : ''}`;
}

/** Replaces every occurrence of the given secrets in `text` with their redacted form. */
export function redactIn(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(redact(s));
  return out;
}
