/**
 * Test-only worker run as a real child process (compiled by helpers/build.ts).
 * argv: <mode> <json options>
 *   rotate-loop: rotate and encrypt forever, printing "V <id>" after each rotation returns and
 *                "C <kh1 text>" after each encryption returns (so the parent knows what must survive).
 *   work:        do N rotations and N encryptions, printing the same lines, then exit 0.
 */
import { openKeyring } from '../../../src/keys/index.js';

interface Opts {
  path: string;
  backend: Record<string, unknown>;
  name?: string;
  n?: number;
}

async function main(): Promise<void> {
  const [mode, json] = process.argv.slice(2);
  const o = JSON.parse(json ?? '{}') as Opts;
  const k = await openKeyring({
    path: o.path,
    backend: o.backend as never,
    name: o.name ?? 'default',
    lockTimeoutMs: 60_000,
  });
  const out = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  out('READY');
  let i = 0;
  for (;;) {
    if (mode === 'work' && i >= (o.n ?? 5)) break;
    const v = await k.rotate();
    out(`V ${v.id}`);
    const ct = await k.encryptString(`message ${i}`, `ctx-${i}`);
    out(`C ${i} ${ct}`);
    i++;
  }
  await k.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`worker error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
