import { it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (f === 'node_modules' || f === 'blind' ? [] : statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
it('probe4', () => {
  for (const root of process.env.PROBE!.split(',')) for (const f of walk(root)) {
    if (/\.(png|p12|jks|pfx)$/.test(f)) continue;
    const rel = f.slice(root.length + 1);
    const r = scanTemplateFile(rel, readFileSync(f, 'utf8'));
    for (const x of r.findings) console.log(`F ${root}/${rel}:${x.location.line}:${x.location.column} ${x.ruleId} | ${x.message.slice(0, 100)}`);
    for (const x of r.skipped) console.log(`F skip ${root}/${rel} ${x.reason}`);
  }
});
