// Starts a SoftHSM token in `dir` for a bench section (a fresh token directory, a random PIN), or says
// why it cannot: { backend } or { error }.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function startSoftHsm(dir, label, extra = {}) {
  const candidates = [
    process.env.P11_MODULE,
    '/usr/lib/softhsm/libsofthsm2.so',
    '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  ].filter(Boolean);
  const module = candidates.find((p) => existsSync(p));
  if (!module) return { error: 'libsofthsm2.so not found (apt-get install softhsm2)' };
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens, { recursive: true, mode: 0o700 });
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
    { mode: 0o600 },
  );
  process.env.SOFTHSM2_CONF = conf;
  const pin = randomBytes(6).toString('hex');
  try {
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', randomBytes(6).toString('hex')],
      { stdio: 'pipe' },
    );
  } catch (e) {
    return { error: `softhsm2-util failed: ${String(e.message).split('\n')[0]}` };
  }
  return { backend: { type: 'pkcs11', module, tokenLabel: label, pin, ...extra } };
}
