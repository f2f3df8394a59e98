#!/usr/bin/env node
/**
 * Prints every finding (file, line, column, rule, messageId, message, suggestions) of one checkout's built
 * plugin over some directories, one JSON line each, sorted. Diff the output of two checkouts to prove that a
 * performance change reports exactly the same findings:
 *
 *   node bench/lib/profile-findings.mjs --preset strict DIR... > after.jsonl   (run from each checkout)
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lintFiles } from './tools.mjs';

const { values: args, positionals: dirs } = parseArgs({
  allowPositionals: true,
  options: { preset: { type: 'string', default: 'recommended' } },
});
const tool = args.preset === 'strict' ? 'keyhygiene-strict' : 'keyhygiene';
const lines = [];
for (const dir of dirs.map((d) => resolve(d))) {
  for (const r of await lintFiles(tool, dir, ['.'])) {
    for (const m of r.messages) {
      lines.push(
        JSON.stringify({
          file: relative(dir, r.filePath),
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          rule: m.ruleId,
          messageId: m.messageId,
          message: m.message,
          fatal: m.fatal ?? false,
          fix: m.fix,
          suggestions: m.suggestions?.map((s) => ({ desc: s.desc, fix: s.fix })),
        }),
      );
    }
  }
}
console.log(lines.sort().join('\n'));
console.error(`${lines.length} findings`);
