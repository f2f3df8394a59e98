/**
 * Which catalogue sites a password KDF call is judged under, and whether it does too little work there: the
 * judgement `no-password-as-key` reports as `weakKdf`, read also by `no-static-iv`, which leaves a constant salt to
 * that finding (one line, one finding; the salt policy in docs/rules/no-static-iv.md). Both rules take the sites and
 * the machine-secret gate from here; a setting another module exports is not read by `kdfWorkFallsShort` (so the salt
 * stays reported when the work cannot be judged).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { anyPbkdf2Callee, anyPbkdf2Site, kdfShortfalls, kdfSites, type KdfSite } from '../catalogue/kdf.js';
import { propertyName } from './ast.js';
import type { FileFlow } from './flow/engine.js';
import type { ImportMap } from './imports.js';
import { kdfInputIsMachineSecret } from './kdf-input.js';
import { pbkdf2FixedByFormat } from './kdf-named-limits.js';
import { readKdfParams } from './kdf-params.js';
import { kdfPurposeOf } from './kdf-purpose.js';
import { calleePathOf, shapesMatching, type CalleePath } from './sinks.js';

type KdfCall = TSESTree.CallExpression | TSESTree.NewExpression;
type GetScope = (n: TSESTree.Node) => TSESLint.Scope.Scope;

const kdfSitesOf = shapesMatching(kdfSites);

/** The name a call's callee ends in (`pbkdf2` for `Aes.pbkdf2(…)`). */
const calleeTail = (c: KdfCall): string | undefined =>
  c.callee.type === T.Identifier
    ? c.callee.name
    : c.callee.type === T.MemberExpression
      ? propertyName(c.callee)
      : undefined;

/**
 * The sites a call is judged under: its own catalogue sites, else PBKDF2 from any other library by name, in RFC
 * 8018's argument order (none when a standard or a stored format fixes its parameters). `judged` says whether the
 * call is a known KDF at all (its other forms are then read by the rule).
 */
export function passwordKdfSites(
  call: KdfCall,
  cp: CalleePath,
  sourceCode: Readonly<TSESLint.SourceCode>,
  getScope: GetScope,
): { readonly sites: readonly KdfSite[]; readonly judged: boolean } {
  const own = kdfSitesOf(cp);
  if (own.length > 0) return { sites: own, judged: true };
  const named = anyPbkdf2Callee.test(calleeTail(call) ?? '') || anyPbkdf2Callee.test(cp.path.split('.').pop() ?? '');
  if (!named) return { sites: [], judged: false };
  return { sites: pbkdf2FixedByFormat(call, sourceCode, getScope) ? [] : [anyPbkdf2Site], judged: true };
}

/** The KDF's input is a machine secret (an env key, a random value), not a password: no work floor applies. */
export function kdfOverMachineSecret(site: KdfSite, call: KdfCall, flow: FileFlow): boolean {
  const input = site.id.startsWith('webcrypto.') ? undefined : call.arguments[site.password ?? 0];
  return kdfInputIsMachineSecret(input, flow);
}

/** The call is a password KDF whose work factor (iterations, cost, memory, passes, rounds) is below its floor. */
export function kdfWorkFallsShort(
  call: KdfCall,
  imports: ImportMap,
  getScope: GetScope,
  flow: FileFlow,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const cp = calleePathOf(call, imports, getScope(call));
  if (!cp) return false;
  return passwordKdfSites(call, cp, sourceCode, getScope).sites.some((site) => {
    if (kdfOverMachineSecret(site, call, flow)) return false;
    const read = readKdfParams(site, call, flow, sourceCode);
    return read !== undefined && kdfShortfalls(site.kdf, read.params, kdfPurposeOf(call, site, sourceCode)).length > 0;
  });
}
