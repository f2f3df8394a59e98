/**
 * Compiles only the key manager (src/keys, src/cli/keys) to JavaScript for tests that need a real
 * child process (SIGKILL loops, two processes at once, the CLI launcher). Node 20 cannot run
 * TypeScript directly. The output goes under node_modules/.cache so that the compiled files resolve
 * @noble/hashes and pkcs11js from the project's node_modules. Cached by a hash of the sources.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

function sourcesHash(): string {
  const h = createHash('sha256');
  for (const dir of ['src/keys', 'src/cli/keys', 'test/keys/helpers']) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs, { recursive: true }).map(String).sort()) {
      if (!/\.(ts|mjs)$/.test(f)) continue;
      h.update(f).update(readFileSync(join(abs, f)));
    }
  }
  return h.digest('hex').slice(0, 16);
}

/** Returns the directory that holds `src/keys/index.js`, `src/cli/keys/index.js` and the helpers. */
export function buildKeysForChildren(): string {
  const base = join(ROOT, 'node_modules/.cache/keyhygiene-keys-test');
  const out = join(base, sourcesHash());
  if (existsSync(join(out, 'done'))) return out;
  // Build into a private directory and rename it into place: test files running in parallel never
  // see a half-written build (rename(2) of a directory is atomic; the loser discards its copy).
  const work = join(base, `.build-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  const tsconfig = join(work, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        noEmit: false,
        outDir: work,
        rootDir: ROOT,
        declaration: false,
        sourceMap: false,
        incremental: false,
      },
      include: [join(ROOT, 'src/keys'), join(ROOT, 'src/cli/keys'), join(ROOT, 'test/keys/helpers')],
      exclude: [],
    }),
  );
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
    stdio: 'pipe',
    cwd: ROOT,
  });
  writeFileSync(join(work, 'done'), '');
  try {
    renameSync(work, out);
  } catch {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}
