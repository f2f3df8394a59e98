/**
 * The key inventory: every key, algorithm, mode, key size, key source and rotation/deletion setting the
 * audit sees. Built from the same catalogue the rules use (key sinks, KMS resources, retention settings)
 * over the ESLint AST of a file that was already parsed for linting: no second parse.
 */
import type { SourceCode } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keySinks } from '../catalogue/sinks.js';
import { iacKeyResources } from '../catalogue/iac.js';
import type { InventoryItem, Location } from '../report/types.js';
import { childrenOf, propertyName, staticString, unwrap } from '../rule-kit/ast.js';
import { collectImports } from '../rule-kit/imports.js';
import { calleePathOf, keySinksMatching } from '../rule-kit/sinks.js';
import { containsAny, matchesAny } from './common.js';
import { resolveOrigins } from '../rule-kit/values.js';

type Primitive = NonNullable<InventoryItem['primitive']>;

/**
 * The text an import of a module matching `pattern` must contain: the quoted name up to its first `*`
 * (`'node:crypto`, `"@aws-sdk/`), or, for a pattern that starts with `*` (`*providers/aws/kms-key`, a
 * generated CDKTF binding imported by a relative path), its longest literal part, unquoted.
 */
export function moduleKeywords(pattern: string): string[] {
  if (!pattern.startsWith('*')) {
    const prefix = pattern.replace(/\*.*$/, '');
    return [`'${prefix}`, `"${prefix}`];
  }
  // An empty word (a pattern with no literal part) keeps every file.
  return [pattern.split('*').reduce((a, b) => (b.length > a.length ? b : a), '')];
}

/** Module names as imports write them, and global sink roots (`subtle`), from the catalogue. */
const inventoryKeywords: readonly string[] = [
  ...new Set([
    ...[
      ...keySinks.flatMap((s) => s.modules),
      ...iacKeyResources.flatMap((r) => r.match.flatMap((m) => m.modules)),
    ].flatMap(moduleKeywords),
    ...keySinks.filter((s) => s.global).map((s) => s.callee.split('.')[0]!),
  ]),
];

/** What an algorithm name says: `aes-256-gcm` → AES, mode gcm, 256 bits, authenticated encryption. */
function describeAlgorithm(alg: string): {
  name: string;
  primitive?: Primitive;
  mode?: string;
  keySizeBits?: number;
} {
  const a = alg.trim().toLowerCase();
  const aes = /^(?:id-)?aes-?(128|192|256)(?:-?(gcm|ccm|ocb|siv|cbc|ctr|ecb|cfb8?|cfb1|ofb|xts|wrap))?$/.exec(a);
  if (aes) {
    const mode = aes[2];
    const ae = mode === 'gcm' || mode === 'ccm' || mode === 'ocb' || mode === 'siv';
    return {
      name: `AES-${aes[1]}${mode ? `-${mode.toUpperCase()}` : ''}`,
      primitive: ae ? 'ae' : 'block-cipher',
      ...(mode ? { mode } : {}),
      keySizeBits: Number(aes[1]),
    };
  }
  if (/^chacha20-poly1305$/.test(a)) return { name: 'ChaCha20-Poly1305', primitive: 'ae', keySizeBits: 256 };
  if (/^(?:des|des-ede3?|des3|3des|bf|blowfish|rc2|rc4|cast5?|idea|seed)(?:-[a-z0-9]+)?$/.test(a)) {
    const mode = /-(cbc|ecb|cfb|ofb)$/.exec(a)?.[1];
    return { name: alg.toUpperCase(), primitive: 'block-cipher', ...(mode ? { mode } : {}) };
  }
  if (/^(?:sha-?(?:1|224|256|384|512)|sha3-\d{3}|md5|ripemd160)$/.test(a))
    return { name: alg.toUpperCase(), primitive: 'hash' };
  if (/^(?:hs|rs|ps|es)(?:256|384|512)$|^eddsa$/.test(a)) {
    return { name: alg.toUpperCase(), primitive: a.startsWith('hs') ? 'mac' : 'signature' };
  }
  return { name: alg };
}

/** Sinks whose algorithm argument is a hash: the family they build from it. */
const sinkFamilies: ReadonlyArray<readonly [RegExp, string, Primitive]> = [
  [/hmac/i, 'HMAC', 'mac'],
  [/hkdf/i, 'HKDF', 'kdf'],
  [/pbkdf2/i, 'PBKDF2', 'kdf'],
  [/scrypt/i, 'scrypt', 'kdf'],
  [/argon2/i, 'Argon2', 'kdf'],
];

/** Where a key argument's value comes from, in the inventory's words. */
const callSources: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:loadSecret|openKeyring|getSecretValue|GetSecretValueCommand|accessSecretVersion)\b/, 'keystore'],
  [/\b(?:KMS|kms|Decrypt|GenerateDataKey|decrypt)\b/, 'kms'],
  [/\b(?:readFileSync|readFile)\b/, 'file'],
  [/\b(?:pbkdf2|pbkdf2Sync|scrypt|scryptSync|hkdf|hkdfSync|deriveKey|deriveBits|argon2)\b/, 'derived'],
];

function keySourceOf(
  arg: TSESTree.Node,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
  source: SourceCode,
): string {
  const kinds = new Set<string>();
  for (const o of resolveOrigins(arg, getScope)) {
    if (o.kind === 'string' || o.kind === 'bytes' || o.kind === 'zeros' || o.kind === 'object') kinds.add('literal');
    else if (o.kind === 'env') kinds.add('env');
    else if (o.kind === 'call') {
      const text = source.getText(o.node as never).slice(0, 200);
      kinds.add(callSources.find(([re]) => re.test(text))?.[1] ?? 'unknown');
    } else kinds.add('unknown');
  }
  kinds.delete('unknown');
  return kinds.size === 0 ? 'unknown' : [...kinds].sort().join('+');
}

const locOf = (rel: string, n: TSESTree.Node): Location => ({
  file: rel,
  line: n.loc.start.line,
  column: n.loc.start.column + 1,
});

function propOf(obj: TSESTree.Node | undefined, name: string): TSESTree.Node | undefined {
  const o = obj && unwrap(obj);
  if (o?.type !== T.ObjectExpression) return undefined;
  for (const p of o.properties) if (p.type === T.Property && propertyName(p) === name) return p.value;
  return undefined;
}

/** Keyword prefilter: a file that imports no sink or KMS module (and uses no global sink) has nothing to inventory. */
export const needsInventory: (text: string) => boolean = containsAny(inventoryKeywords);

/**
 * Inventory rows for one parsed file, walking its tree (when no traversal collected the calls).
 * @param source the ESLint SourceCode left by `Linter.verify` (its scope manager is used).
 */
export function inventoryFromSource(source: SourceCode, rel: string): InventoryItem[] {
  if (!needsInventory(source.text)) return [];
  const calls: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
  const keys = source.visitorKeys as TSESLint.SourceCode.VisitorKeys;
  const stack: TSESTree.Node[] = [source.ast as unknown as TSESTree.Program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === T.CallExpression || node.type === T.NewExpression) calls.push(node);
    stack.push(...childrenOf(node, keys));
  }
  return inventoryFromCalls(source, rel, calls);
}

/**
 * Inventory rows for the calls of one parsed file, collected during the lint traversal (the scanner's
 * summary rule), so the tree is not walked a second time.
 */
export function inventoryFromCalls(
  source: SourceCode,
  rel: string,
  calls: ReadonlyArray<TSESTree.CallExpression | TSESTree.NewExpression>,
): InventoryItem[] {
  if (calls.length === 0) return [];
  const imports = collectImports(source.ast as unknown as TSESTree.Program);
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope =>
    source.getScope(n as never) as unknown as TSESLint.Scope.Scope;
  const out: InventoryItem[] = [];
  for (const c of calls) visit(c);
  return out;

  function visit(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const cp = calleePathOf(node, imports, getScope(node));
    if (!cp) return;
    // The catalogue's key sinks that describe the call, in catalogue order (memoised per callee path).
    for (const sink of keySinksMatching(cp)) {
      const algArg = sink.args.find((a) => a.role === 'algorithm');
      const alg = algArg ? staticString(node.arguments[algArg.index]) : undefined;
      const keyArg = sink.args.find(
        (a) => a.role === 'key' || a.role === 'secret' || a.role === 'private-key' || a.role === 'password',
      );
      const argNode = keyArg ? node.arguments[keyArg.index] : undefined;
      // A MAC or KDF sink names its hash as the algorithm: `createHmac('sha256')` is HMAC-SHA256.
      const family = sinkFamilies.find(([re]) => re.test(sink.id));
      const described = alg && !family ? describeAlgorithm(alg) : undefined;
      const name = family ? (alg ? `${family[1]}-${alg.toUpperCase()}` : family[1]) : (described?.name ?? sink.title);
      const primitive = family?.[2] ?? described?.primitive;
      out.push({
        kind: keyArg ? 'key' : 'algorithm',
        name,
        ...(primitive ? { primitive } : {}),
        ...(described?.mode ? { mode: described.mode } : {}),
        ...(described?.keySizeBits ? { keySizeBits: described.keySizeBits } : {}),
        ...(argNode && argNode.type !== T.SpreadElement ? { keySource: keySourceOf(argNode, getScope, source) } : {}),
        locations: [locOf(rel, node)],
      });
      return;
    }
    for (const res of iacKeyResources) {
      if (!matchesAny(res.match, cp)) continue;
      // Keys whose rotation is a separate call (CreateKeyCommand + EnableKeyRotationCommand) are listed by
      // the cross-file pass, which sees the whole repository.
      if (res.id.includes('EnableKeyRotation') || res.companion) return;
      const props = node.arguments[res.propsIndex];
      const enable = res.enable ? propOf(props, res.enable) : undefined;
      const period = res.period ? propOf(props, res.period.property) : undefined;
      const removal = res.tool === 'aws-cdk' ? propOf(props, 'removalPolicy') : undefined;
      const exempt = res.exemptions.find((ex) => {
        const v = propOf(props, ex.property);
        if (!v) return false;
        return (
          !ex.values ||
          ex.values.includes(
            source
              .getText(v as never)
              .replace(/^['"`]|['"`]$/g, '')
              .split('.')
              .pop() ?? '',
          )
        );
      });
      const rotation = exempt
        ? `exempt (${exempt.reason})`
        : enable
          ? source.getText(enable as never) === 'true'
            ? period
              ? `enabled, period ${source.getText(period as never).slice(0, 60)}`
              : 'enabled'
            : `enableKeyRotation: ${source.getText(enable as never).slice(0, 40)}`
          : period
            ? `period ${source.getText(period as never).slice(0, 60)}`
            : 'not enabled';
      out.push({
        kind: 'key',
        name: `${res.provider === 'aws' ? 'AWS KMS key' : 'Cloud KMS key'} (${res.title})`,
        keySource: 'kms',
        rotation,
        ...(removal ? { deletion: source.getText(removal as never).slice(0, 80) } : {}),
        locations: [locOf(rel, node)],
      });
      return;
    }
  }
}

/** Merges rows that describe the same thing (same kind, name, mode, size, source and settings). */
export function mergeInventory(items: readonly InventoryItem[]): InventoryItem[] {
  const byKey = new Map<string, InventoryItem>();
  for (const it of items) {
    const k = JSON.stringify([
      it.kind,
      it.name,
      it.primitive,
      it.mode,
      it.keySizeBits,
      it.keySource,
      it.rotation,
      it.deletion,
    ]);
    const prev = byKey.get(k);
    if (!prev) byKey.set(k, { ...it, locations: [...it.locations] });
    else byKey.set(k, { ...prev, locations: [...prev.locations, ...it.locations] });
  }
  return [...byKey.values()]
    .map((it) => ({ ...it, locations: dedupeLocations(it.locations) }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

function dedupeLocations(locs: readonly Location[]): Location[] {
  const seen = new Set<string>();
  return locs
    .filter((l) => {
      const k = `${l.file}:${l.line}:${l.column}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
