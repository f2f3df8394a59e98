// Test-only child process for test/reliability/keys-*.test.ts (plain ESM: it imports the key manager
// compiled by test/keys/helpers/build.ts, whose directory is argv[2]).
// argv: <dist dir> <mode> <json options>. Every line is printed only AFTER the call returned, so the
// parent knows what must survive a SIGKILL:
//   V <id>          a rotation committed            C <i> <kh1 text>  an encryption done (context ctx-<i>)
//   I <id>          an import committed             D <id>            a destroy committed
//   S <id>          scheduleDestroy committed       G <name>          a new named key committed
//   R <i>           a read (decrypt of own C <i>) succeeded
//   E <n>           encryptions done in total (mode mix, at the end)
// Modes: mix (N random ops: encrypt/rotate/read), import-loop, destroy-loop, generate-loop (store writes).
import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, mode, json] = process.argv.slice(2);
const { openKeyring } = await import(pathToFileURL(join(dist, 'src/keys/index.js')).href);
const o = JSON.parse(json ?? '{}');
const out = (s) => process.stdout.write(`${s}\n`);

async function main() {
  const k = await openKeyring({ path: o.path, backend: o.backend, name: o.name ?? 'default', lockTimeoutMs: 120_000 });
  out('READY');
  const mine = [];
  let i = 0;
  let enc = 0;
  const tag = o.tag ?? String(process.pid);
  const encrypt = async () => {
    const n = `${tag}-${i++}`;
    const ct = await k.encryptString(`message ${n}`, `ctx-${n}`);
    enc++;
    mine.push([n, ct]);
    out(`C ${n} ${ct}`);
  };
  for (let step = 0; mode !== 'mix' || step < (o.n ?? 20); step++) {
    if (mode === 'mix') {
      const r = randomInt(10);
      if (r < 5) await encrypt();
      else if (r < 7) out(`V ${(await k.rotate()).id}`);
      else if (mine.length > 0) {
        // A read racing the other writers: one of this process's own ciphertexts.
        const [n, ct] = mine[randomInt(mine.length)];
        if ((await k.decryptString(ct, `ctx-${n}`)) !== `message ${n}`) throw new Error('read back mismatch');
        out(`R ${n}`);
      }
    } else if (mode === 'import-loop') {
      out(`I ${(await k.import(randomBytes(32), { compromised: true, rotate: true })).id}`);
      await encrypt();
    } else if (mode === 'destroy-loop') {
      const old = (await k.info()).primary;
      out(`V ${(await k.rotate()).id}`);
      await encrypt();
      if (old) {
        await k.scheduleDestroy(old, 0);
        out(`S ${old}`);
        await k.destroy(old);
        out(`D ${old}`);
      }
    } else if (mode === 'generate-loop') {
      const name = `k-${tag}-${i}`;
      await k.generate(name, { purpose: 'mac' });
      out(`G ${name}`);
      await k.setRotationPolicy({ maxAgeDays: 1 + randomInt(300) });
      await encrypt();
    } else throw new Error(`unknown mode ${mode}`);
  }
  out(`E ${enc}`);
  await k.close();
}

main().catch((e) => {
  process.stderr.write(`worker error: ${e instanceof Error ? `${e.message} ${e.code ?? ''}` : String(e)}\n`);
  process.exit(3);
});
