/**
 * Zero buffers that the code fills before use: `const key = Buffer.alloc(32); Buffer.from(pw).copy(key)`,
 * `raw.set(encoder.encode(pass).slice(0, 32))`, `crypto.getRandomValues(key)`, `key[i] = …`. Such a buffer is
 * no all-zero key: what it holds is whatever was written (a password, random bytes), which other rules judge.
 * Read by `no-hardcoded-key` for the `zeros` origins the value tracking gives an allocation.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, findVariable, propertyName, staticNumber } from './ast.js';

/** Methods that write into their receiver (Buffer and typed-array writers). */
const WRITES_RECEIVER = /^(?:set|write|write(?:Big)?U?Int\d*(?:LE|BE)?|writeFloat(?:LE|BE)|writeDouble(?:LE|BE)|fill)$/;
/** Calls that write into the buffer passed as their `index`-th argument. */
const WRITES_ARGUMENT: Readonly<Record<string, number>> = {
  copy: 0, // src.copy(target)
  encodeInto: 1, // new TextEncoder().encodeInto(text, target)
  getRandomValues: 0,
  randomFillSync: 0,
  randomFill: 0,
  readSync: 1, // fs.readSync(fd, buffer)
  read: 1,
};
/** Names of random fillers in other libraries (`sodium.randombytes_buf(key)`, `nacl.randomBytes` is no filler). */
const RANDOM_FILLER = /^randombytes_buf(?:_deterministic)?$/;

/** Whether one reference of the buffer writes into it. */
function writesInto(ref: TSESTree.Identifier): boolean {
  const p = ref.parent;
  // key.set(bytes), key.write(text), key.fill(0x41) (a fill of zero keeps it zero)
  if (p?.type === T.MemberExpression && p.object === ref && p.parent?.type === T.CallExpression) {
    const call = p.parent;
    const m = propertyName(p) ?? '';
    if (call.callee === p && WRITES_RECEIVER.test(m)) return m !== 'fill' || staticNumber(call.arguments[0]) !== 0;
  }
  // key[i] = byte, key[i] ^= byte
  if (p?.type === T.MemberExpression && p.object === ref && p.computed) {
    const a = p.parent;
    if (a?.type === T.AssignmentExpression && a.left === p) return true;
    if (a?.type === T.UpdateExpression) return true;
  }
  // Buffer.from(pw).copy(key), crypto.getRandomValues(key), sodium.randombytes_buf(key)
  if (p?.type === T.CallExpression && p.arguments.includes(ref)) {
    const name = calleeName(p.callee) ?? '';
    const at = WRITES_ARGUMENT[name];
    if (at !== undefined && p.arguments[at] === ref) return true;
    if (RANDOM_FILLER.test(name) && p.arguments[0] === ref) return true;
  }
  return false;
}

/**
 * Whether the allocation `alloc` (the `Buffer.alloc(n)` / `new Uint8Array(n)` of a `zeros` origin) is stored in
 * a binding that some statement writes into.
 */
export function filledAfterAlloc(alloc: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  let top: TSESTree.Node = alloc;
  while (top.parent && (top.parent.type === T.TSAsExpression || top.parent.type === T.TSNonNullExpression))
    top = top.parent;
  const decl = top.parent;
  if (decl?.type !== T.VariableDeclarator || decl.init !== top || decl.id.type !== T.Identifier) return false;
  const v = findVariable(sourceCode.getScope(decl), decl.id);
  return v?.references.some((r) => !r.init && writesInto(r.identifier as TSESTree.Identifier)) ?? false;
}
