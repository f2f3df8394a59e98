import { it } from 'vitest';
import { audit } from '../../src/scanner/index.js';
it('probe2', async () => {
  const r = await audit({ root: process.env.PROBE!, workers: 1 });
  for (const x of r.findings) console.log(`F ${x.location.file}:${x.location.line}:${x.location.column} ${x.ruleId} ${x.category}${x.suppression ? ' (suppressed)' : ''} | ${x.message.slice(0, 150)}`);
  for (const x of r.skipped) console.log('  skip', JSON.stringify(x));
}, 60000);
