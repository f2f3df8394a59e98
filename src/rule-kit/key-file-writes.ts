/**
 * File writes that matter to key-file deletion: a write of key material makes its path a key file (a later
 * unlink deletes a key), and a write of zeros overwrites it (then an unlink is fine).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { fileReads, keyImports } from '../catalogue/deletion.js';
import { plaintextFileWrites } from '../catalogue/loggers.js';
import { bindingNameOf } from './ast.js';
import { matchCallPattern, patternMatches } from './call-patterns.js';
import { flowOf } from './flow/engine.js';
import type { ImportMap } from './imports.js';
import type { KeyFileTracker } from './key-files.js';
import type { KeySources } from './key-sources.js';
import type { CalleePath } from './sinks.js';

/** Tells `keyFiles` about an `fs.writeFile` call that writes key material or zeros. */
export function trackKeyFileWrite(
  call: TSESTree.CallExpression,
  cp: CalleePath,
  keyFiles: KeyFileTracker,
  sources: KeySources,
  sourceCode: TSESLint.SourceCode,
): void {
  if (!plaintextFileWrites.some((p) => p.id === 'fs.writeFile' && patternMatches(p, cp))) return;
  const [p, data] = call.arguments;
  if (!p || !data || p.type === T.SpreadElement || data.type === T.SpreadElement) return;
  const origins = flowOf(sourceCode).origins(data);
  if (origins.some((o) => o.kind === 'zeros')) keyFiles.overwritten(p, call);
  else if (
    origins.some(
      (o) =>
        sources.originSource(o, bindingNameOf(data)) !== undefined ||
        (o.kind === 'string' && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(o.value ?? '')),
    )
  )
    keyFiles.keyWritten(p);
}

/** Tells `keyFiles` about a key import whose key bytes were read from a file (`createPrivateKey(readFileSync(p))`). */
export function trackKeyFileRead(
  call: TSESTree.CallExpression,
  cp: CalleePath,
  keyFiles: KeyFileTracker,
  imports: ImportMap,
  sourceCode: TSESLint.SourceCode,
): void {
  const imp = keyImports.find((p) => patternMatches(p, cp));
  const arg = imp && call.arguments[imp.keyArg];
  if (!arg || arg.type === T.SpreadElement) return;
  for (const o of flowOf(sourceCode).origins(arg)) {
    const read = o.node;
    if (read.type !== T.CallExpression || !matchCallPattern(read, imports, sourceCode.getScope(read), [fileReads]))
      continue;
    const p = read.arguments[0];
    if (p && p.type !== T.SpreadElement) keyFiles.keyRead(p);
  }
}
