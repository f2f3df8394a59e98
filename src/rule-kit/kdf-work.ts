/**
 * Whether a password KDF call does too little work: the judgement `no-password-as-key` reports as `weakKdf`, read
 * here for `no-static-iv`, which leaves a constant salt to that finding (one line, one finding; the salt policy in
 * docs/rules/no-static-iv.md). Same sites, same floors, same purpose and machine-secret gates as that rule; a
 * setting another module exports is not read here (so the salt stays reported when the work cannot be judged).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { anyPbkdf2Callee, anyPbkdf2Site, kdfShortfalls, kdfSites, type KdfSite } from '../catalogue/kdf.js';
import { calleeName, unwrap } from './ast.js';
import type { FileFlow } from './flow/engine.js';
import type { ImportMap } from './imports.js';
import { kdfInputIsMachineSecret } from './kdf-input.js';
import { readKdfParams } from './kdf-params.js';
import { kdfPurposeOf } from './kdf-purpose.js';
import { calleePathOf, shapesMatching } from './sinks.js';

type KdfCall = TSESTree.CallExpression | TSESTree.NewExpression;

const kdfSitesOf = shapesMatching(kdfSites);

function fallsShort(site: KdfSite, call: KdfCall, flow: FileFlow, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const input = site.id.startsWith('webcrypto.') ? undefined : call.arguments[site.password ?? 0];
  if (kdfInputIsMachineSecret(input, flow)) return false;
  const read = readKdfParams(site, call, flow, sourceCode);
  return read !== undefined && kdfShortfalls(site.kdf, read.params, kdfPurposeOf(call, site, sourceCode)).length > 0;
}

/** The call is a password KDF whose work factor (iterations, cost, memory, passes, rounds) is below its floor. */
export function kdfWorkFallsShort(
  call: KdfCall,
  imports: ImportMap,
  scope: TSESLint.Scope.Scope,
  flow: FileFlow,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const cp = calleePathOf(call, imports, scope);
  if (!cp) return false;
  const sites = kdfSitesOf(cp);
  if (sites.length > 0) return sites.some((site) => fallsShort(site, call, flow, sourceCode));
  // PBKDF2 from any other library, in RFC 8018's argument order (as no-password-as-key reads it).
  const named =
    anyPbkdf2Callee.test(calleeName(unwrap(call.callee)) ?? '') || anyPbkdf2Callee.test(cp.path.split('.').pop() ?? '');
  return named && fallsShort(anyPbkdf2Site, call, flow, sourceCode);
}
