/**
 * Weak algorithm choices held in configuration: a YAML/JSON key, a `.properties`/`.env`/`.ini` line or
 * an nginx/Apache directive whose name selects a cipher, a cipher list, a curve or a key size
 * (catalogue `algorithmSettings`), judged by the same catalogue as `no-weak-key-size`
 * (`weakCipherOf`, `isEcb`, `curveOf`, `minModulusBits`, `weakCipherSuiteItems`).
 *
 * Not reported: prose (a value with spaces under a single-cipher name), exclusions in a cipher string
 * (`!RC4`, `-3DES`), lists under a name that says they are turned off (`disabled_ciphers`), package
 * manifests and lock files (`"des": "^1.0.1"` is a package).
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import {
  isKdfIterationSetting,
  algorithmSettingOf,
  oldProtocolsIn,
  curveOf,
  disabledAlgorithmsName,
  isEcb,
  isWeakCurve,
  minModulusBits,
  modulusBitsInName,
  nodeOldTlsFlag,
  saferCipherName,
  saferCurveName,
  weakCipherOf,
  weakCipherSuiteItems,
} from '../../../catalogue/algorithms.js';
import { kdfShortfalls, normaliseDigest, type KdfKind } from '../../../catalogue/kdf.js';
import { namedChoices } from '../../../catalogue/algorithm-libraries.js';
import { normaliseName } from '../../../detect/names.js';
import { holdsCiphertext, ivSettingHits, mayMarkIvMap } from './config-ivs.js';
import type { TemplateHit } from './hits.js';
import { kdfOfMap, kdfWorkHits, mayNameKdf } from './kdf-config.js';
import { keyText, type ParsedDocs } from './yaml.js';

const RULE = 'keyhygiene/config-weak-algorithm' as const;

/** Manifests and lock files: their keys are package names and versions, never settings. */
const MANIFEST = new RegExp(
  String.raw`(?:^|\/)(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml` +
    String.raw`|composer\.(?:json|lock)|Pipfile\.lock|poetry\.lock|Cargo\.lock|Gemfile\.lock|bower\.json` +
    String.raw`|deno\.lock|bun\.lock|[^/]*\.lock(?:\.json)?)$`,
  'i',
);

export const isManifest = (rel: string): boolean => MANIFEST.test(rel);

/** Names of the enclosing keys plus the setting's own, normalised. */
type Path = readonly string[];

const DIGEST_NAME = /(?:^|_)(?:digest|hash|prf|hmac|hash_algorithm|digest_algorithm)$/;

const RSA_CONTEXT = /(?:^|_)(?:rsa|dsa|dh|dhparam|modulus)(?:_|$)/;

/** Names of a sibling that selects the key type (`algorithm: RSA` beside `size: 1024` in a cert-manager key spec). */
const KEY_TYPE_NAME = /^(?:algorithm|alg|key_algorithm|key_type|kty|type)$/;

/**
 * The algorithm setting a value at `path` (normalised key names) selects, if any. `keyType` is what a sibling
 * selector names (`RSA` in `privateKey: { algorithm: RSA, size: 1024 }`), normalised.
 */
function settingOf(path: Path, keyType?: string): ReturnType<typeof algorithmSettingOf> {
  const name = path[path.length - 1]!;
  const setting = algorithmSettingOf(name);
  // `rsa: { bits: 1024 }`, `{ algorithm: RSA, size: 1024 }`: a bare size under or beside an RSA/DH key is a modulus.
  if (
    !setting &&
    /^(?:bits|size|length|key_size|key_length)$/.test(name) &&
    (RSA_CONTEXT.test(path.at(-2) ?? '') || RSA_CONTEXT.test(keyType ?? ''))
  )
    return algorithmSettingOf('modulus_bits');
  return setting;
}

/** The key type a map's selector sibling names (`algorithm: RSA` → `rsa`), normalised, if any. */
function keyTypeOf(entries: readonly (readonly [string, unknown])[]): string | undefined {
  const sel = entries.find(([k, v]) => typeof v === 'string' && KEY_TYPE_NAME.test(normaliseName(k)));
  return sel ? normaliseName(String(sel[1])) : undefined;
}

/**
 * The name a Kubernetes or ECS env entry gives its `value` (`- name: ENCRYPTION_ALGORITHM` / `value: bf-cbc`): the
 * value is the setting of that name, as the same line in a `.env` file would be.
 */
function envEntryName(entries: readonly (readonly [string, unknown])[]): string | undefined {
  if (!entries.some(([k]) => k === 'value')) return undefined;
  const n = entries.find(([k, v]) => k === 'name' && typeof v === 'string');
  return n ? String(n[1]) : undefined;
}

// Whether a value at a key path can give a hit at all (an iteration count or a setting), by joined path:
// the JSON prefilter asks it for every value, and translation catalogues repeat their paths in each language.
const pathMayHit = new Map<string, boolean>();
function mayHitAt(path: Path): boolean {
  const key = path.join('\0');
  let may = pathMayHit.get(key);
  if (may === undefined) {
    if (pathMayHit.size >= 50_000) pathMayHit.clear();
    may = isKdfIterationSetting(path) || settingOf(path) !== undefined;
    pathMayHit.set(key, may);
  }
  return may;
}

// Whether a map key (normalised) is one the map-level checks of the JSON prefilter read: a KDF selector
// (`kdfOfMap`), a key-type selector (`keyTypeOf`), an IV setting or a ciphertext record's field (`mayMarkIvMap`).
// Each of those checks finds nothing in a map without such a key. Memoised by key: catalogues repeat their keys.
const keyMarksMap = new Map<string, boolean>();
function marksMap(name: string): boolean {
  let marks = keyMarksMap.get(name);
  if (marks === undefined) {
    if (keyMarksMap.size >= 50_000) keyMarksMap.clear();
    marks = mayNameKdf(name) || KEY_TYPE_NAME.test(name) || mayMarkIvMap(name);
    keyMarksMap.set(name, marks);
  }
  return marks;
}

/**
 * Whether a JSON document may give `structuredConfigHits` a hit: some string or number value that
 * `settingHits` reports (at any offset), or a PBKDF2 iteration count. `JSON.parse` is much cheaper than
 * the YAML parse that gives offsets, and most large JSON files (catalogues, translations, data) have no
 * hit. Text that is not strict JSON answers true.
 */
export function jsonMayHoldSettings(text: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return true;
  }
  // `inRecord`: the enclosing map holds a ciphertext, so an IV in this one (`cipherparams.iv`) is stored with it.
  const walk = (node: unknown, path: string[], inRecord = false): boolean => {
    if (Array.isArray(node)) return node.some((item) => walk(item, path));
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      const names = entries.map(([k]) => normaliseName(k));
      // A map none of whose keys can select a KDF or a key type or mark an IV map (most maps of a catalogue or a
      // translation file): the four checks below give what they give for no entries, so they are not run.
      const marked = names.some(marksMap);
      const kdf = kdfOfMap(path.at(-1), marked ? entries : []);
      const record = marked && holdsCiphertext(entries);
      if (marked && !record && !inRecord && entries.some(([k, v]) => ivSettingHits(k, v, 0).length)) return true;
      // A bare size beside an RSA/DSA/DH selector (`{ "algorithm": "RSA", "size": 1024 }`): the full reader judges it.
      if (
        marked &&
        RSA_CONTEXT.test(keyTypeOf(entries) ?? '') &&
        entries.some(([k, v]) => settingOf([k], 'rsa') && v !== null)
      )
        return true;
      for (let i = 0; i < entries.length; i++) {
        const v: unknown = entries[i]![1];
        const at = [...path, names[i]!];
        if (kdf && (typeof v === 'number' || typeof v === 'string') && kdfWorkHits(kdf, at, v, 0).length) return true;
        if (walk(v, at, record)) return true;
      }
      return false;
    }
    if ((typeof node !== 'string' && typeof node !== 'number') || path.length === 0) return false;
    // An iteration count's floor depends on the digest a sibling names: left to the full reader.
    if (!mayHitAt(path)) return false;
    return isKdfIterationSetting(path) || settingHits(path, node, 0, true).length > 0;
  };
  return walk(doc, []);
}

/**
 * The hit for one setting value, or none. `at` is the offset of the value's first character in the file
 * (`value` must appear there as written, so item offsets inside it are exact), or undefined when the
 * value is written with escapes (then the value's own start is used).
 */
function settingHits(
  path: Path,
  value: string | number,
  at: number,
  exact: boolean,
  digest?: string,
  keyType?: string,
): TemplateHit[] {
  if (path.some((p) => disabledAlgorithmsName.pattern.test(p))) return [];
  if (isKdfIterationSetting(path)) {
    const iterations = /^\d{1,9}$/.test(String(value).trim()) ? Number(value) : undefined;
    if (iterations === undefined) return [];
    return kdfShortfalls('pbkdf2', { iterations, ...(digest ? { digest } : {}) }).map((s) => ({
      ruleId: 'keyhygiene/config-password-as-key',
      offset: at,
      match: `${path.join('.')}=${iterations}`,
      message:
        `'${path.join('.')}' gives PBKDF2 ${iterations} iterations, under ${s.floor} (${s.source}): raise it to ` +
        `${s.floor} or more, or use scrypt or argon2id.`,
    }));
  }
  const setting = settingOf(path, keyType);
  if (!setting) return [];
  const shown = path.join('.');
  const match = (v: string): string => `${shown}=${v}`;
  // Java transformations (`DES/ECB/PKCS5Padding`) get a Java replacement.
  const safer = (v: string): string => (v.includes('/') ? 'AES/GCM/NoPadding' : saferCipherName(v));
  const str = String(value).trim();
  if (str.length === 0 || str.length > 4096) return [];

  const listHits = (): TemplateHit[] =>
    weakCipherSuiteItems(str).map((w) => ({
      ruleId: RULE,
      offset: exact ? at + String(value).indexOf(str) + w.index : at,
      match: match(w.item),
      message:
        `'${shown}' turns on ${w.item} (${w.title}). Remove it from the list and keep ECDHE suites with AES-GCM or ` +
        `ChaCha20-Poly1305 (RFC 9325 §4.2).`,
    }));

  switch (setting.id) {
    case 'cipher-list':
      return listHits();
    case 'cipher': {
      if (/[:,]/.test(str)) return listHits();
      if (/\s/.test(str) || str.length > 64) return []; // prose, not a cipher name
      const cipher = weakCipherOf(str);
      if (cipher)
        return [
          {
            ruleId: RULE,
            offset: at,
            match: match(str),
            message: `'${shown}' selects ${cipher.title}, ${cipher.why}: use ${safer(str)}.`,
          },
        ];
      if (isEcb(str))
        return [
          {
            ruleId: RULE,
            offset: at,
            match: match(str),
            message:
              `'${shown}' selects ECB mode (${str}): equal plaintext blocks give equal ciphertext and nothing is ` +
              `authenticated. Use ${safer(str)}.`,
          },
        ];
      const bits = modulusBitsInName(str);
      if (bits !== undefined && bits < minModulusBits)
        return [
          {
            ruleId: RULE,
            offset: at,
            match: match(str),
            message:
              `'${shown}' selects ${str}, a ${bits}-bit modulus ` +
              `(NIST SP 800-131A Rev. 2 requires ${minModulusBits}): ` +
              `use ${str.replace(/\d+$/, String(minModulusBits))} or larger.`,
          },
        ];
      return [];
    }
    case 'curve': {
      if (/\s/.test(str)) return [];
      const curve = curveOf(str);
      if (!curve || !isWeakCurve(curve, 112)) return [];
      return [
        {
          ruleId: RULE,
          offset: at,
          match: match(str),
          message: `'${shown}' selects the curve ${str}, which ${curve.note}: use ${saferCurveName(str)}.`,
        },
      ];
    }
    case 'protocol-version':
      // One finding per setting: the lowest version it lets through (a list is one choice).
      return oldProtocolsIn(str)
        .slice(0, 1)
        .map((o) => ({
          ruleId: RULE,
          offset: exact ? at + String(value).indexOf(str) + o.index : at,
          match: match(o.item),
          message:
            `'${shown}' allows ${o.protocol} (${o.item}): TLS 1.0 and 1.1 are deprecated (RFC 8996) and SSL 3.0 ` +
            `is prohibited (RFC 7568). Allow TLS 1.2 and 1.3 only.`,
        }));
    case 'modulus-bits':
    case 'key-size': {
      if (!/^\d{1,6}$/.test(str)) return [];
      const bits = Number(str);
      // A bare key size is a modulus only from 512 bits up: below that it could be an AES size or bytes.
      const floor = setting.id === 'modulus-bits' ? 256 : 512;
      if (bits < floor || bits >= minModulusBits) return [];
      return [
        {
          ruleId: RULE,
          offset: at,
          match: match(str),
          message:
            `'${shown}' is ${bits} bits, under the ${minModulusBits}-bit RSA/DSA/DH minimum ` +
            `(NIST SP 800-131A Rev. 2): set it to ${minModulusBits} or more (3072 for use after 2030).`,
        },
      ];
    }
  }
}

/**
 * The weak-algorithm hit of one Terraform attribute (`resource "tls_private_key" … { rsa_bits = 1024 }`,
 * `aws_acm_certificate`'s `key_algorithm = "RSA_1024"`): read as a setting under the resource type's name.
 * `at` is the offset of the attribute's value.
 */
export function terraformSettingHits(resourceType: string, attribute: string, value: string | number, at: number) {
  const path = [normaliseName(resourceType), normaliseName(attribute)];
  return mayHitAt(path) ? settingHits(path, value, at, false) : [];
}

/**
 * Every string or number scalar of YAML/JSON documents (`parsed` is `parseDocs(text)`), with the names of its
 * enclosing keys.
 */
export function structuredConfigHits(text: string, parsed: ParsedDocs): TemplateHit[] {
  if ('error' in parsed) return [];
  const hits: TemplateHit[] = [];
  // `inRecord`: the enclosing map holds a ciphertext (see `holdsCiphertext`).
  const walk = (
    node: unknown,
    path: string[],
    digest?: string,
    kdf?: KdfKind,
    keyType?: string,
    inRecord = false,
  ): void => {
    if (isMap(node)) {
      // The digest a sibling names (`digest: sha512`), for the PBKDF2 floor.
      let sibDigest: string | undefined;
      const entries: [string, unknown][] = [];
      for (const p of node.items) {
        const k = isPair(p) ? keyText(p.key) : undefined;
        if (k && isPair(p) && isScalar(p.value)) entries.push([k, p.value.value]);
        if (k && DIGEST_NAME.test(normaliseName(k)) && isScalar(p.value) && typeof p.value.value === 'string')
          sibDigest ??= normaliseDigest(p.value.value);
      }
      const mapKdf = kdfOfMap(path.at(-1), entries);
      const envName = envEntryName(entries);
      const mapKeyType = keyTypeOf(entries);
      const record = holdsCiphertext(entries);
      for (const p of node.items) {
        if (!isPair(p)) continue;
        const k = keyText(p.key);
        if (k === undefined) continue;
        // `- name: LEGACY_ACCOUNT_IV` / `value: "00…"`: the value is read under the entry's name.
        const name = k === 'value' && envName !== undefined ? envName : k;
        if (!record && !inRecord && isScalar(p.value) && !p.value.tag) {
          const at = valueStart(text, p.value);
          if (at !== undefined) hits.push(...ivSettingHits(name, p.value.value, at));
        }
        walk(p.value, [...path, normaliseName(name)], sibDigest, mapKdf, mapKeyType, record);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, path, digest);
    } else if (isScalar(node) && path.length > 0 && !node.tag) {
      const v = node.value;
      if (typeof v !== 'string' && typeof v !== 'number') return;
      const range = (node as Node).range;
      if (!range) return;
      const src = text.slice(range[0], range[1]);
      const quote = /^["']/.test(src) ? 1 : 0;
      const inner = quote ? src.slice(1, -1) : src;
      hits.push(...settingHits(path, v, range[0] + quote, inner === String(v), digest, keyType));
      if (typeof v === 'string') hits.push(...nodeTlsFlagHits(v, range[0] + quote), ...sshListHits(path, v, range[0]));
      if (kdf && !isKdfIterationSetting(path)) hits.push(...kdfWorkHits(kdf, path, v, range[0] + quote));
    }
  };
  for (const doc of parsed.docs) if (path0(doc.contents)) walk(doc.contents, []);
  return hits;
}

/** The normalised names of ssh2's algorithm lists (`kex`, `serverHostKey`, `hmac`). */
const SSH_LISTS: ReadonlySet<string> = new Set(namedChoices.sshLists.map((n) => normaliseName(n)));

/** One entry of an SSH algorithm list in configuration (`algorithms: { kex: [diffie-hellman-group1-sha1] }`). */
function sshListHits(path: Path, value: string, at: number): TemplateHit[] {
  if (!SSH_LISTS.has(path.at(-1) ?? '') || path.some((p) => disabledAlgorithmsName.pattern.test(p))) return [];
  const weak = namedChoices.sshWeak[value.trim()];
  if (!weak) return [];
  const why =
    weak.kind === 'modulus'
      ? `${weak.what}, a ${weak.bits}-bit modulus`
      : weak.kind === 'digest'
        ? `HMAC-${weak.digest}, a legacy MAC (RFC 6151, RFC 9142)`
        : `${weak.digest} signatures (RFC 8332, RFC 9142)`;
  return [
    {
      ruleId: RULE,
      offset: at,
      match: `${path.join('.')}=${value.trim()}`,
      message: `'${path.join('.')}' offers ${value.trim()}: ${why}. Remove it from the list.`,
    },
  ];
}

/** `--tls-min-v1.0` in a value (`NODE_OPTIONS`, a container's args): Node.js then accepts TLS 1.0 or 1.1. */
function nodeTlsFlagHits(value: string, at: number): TemplateHit[] {
  const m = nodeOldTlsFlag.pattern.exec(value);
  if (!m) return [];
  const flag = `--tls-min-v1.${m[1]}`;
  return [
    {
      ruleId: RULE,
      offset: at + value.indexOf(flag),
      match: flag,
      message:
        `'${flag}' lets Node.js accept TLS 1.${m[1]}: TLS 1.0 and 1.1 are deprecated (RFC 8996). ` +
        `Remove the flag (Node's default floor is TLS 1.2).`,
    },
  ];
}

const path0 = (n: unknown): boolean => isMap(n) || isSeq(n);

/** The offset of a scalar's first character inside its quotes, or undefined when the parser gave no range. */
function valueStart(text: string, node: Node): number | undefined {
  const range = node.range;
  if (!range) return undefined;
  return range[0] + (/^["']/.test(text.slice(range[0], range[0] + 1)) ? 1 : 0);
}

/**
 * `name=value` / `name: value` lines (`.properties`, `.env`, `.ini`, `.toml`) and `name value;`
 * directives (nginx `ssl_ciphers`, Apache `SSLCipherSuite`). `[section]` headers are enclosing names.
 */
export function lineConfigHits(text: string): TemplateHit[] {
  const hits: TemplateHit[] = [];
  let section: string | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (line.length > 4096) continue;
    const sec = /^\s*\[{1,2}([^\]]{1,200})\]{1,2}\s*$/.exec(line);
    if (sec) {
      section = normaliseName(sec[1]!.trim());
      continue;
    }
    const parsed = splitSetting(line);
    if (!parsed) continue;
    // A directive without `=`/`:` counts only when its name selects an algorithm (`ssl_ciphers HIGH:!RC4;`).
    const n = normaliseName(parsed.name);
    if (!parsed.assigned && !algorithmSettingOf(n)) continue;
    const { value } = parsed;
    const at = start + parsed.valueAt;
    hits.push(...settingHits(section ? [section, n] : [n], value, at, true));
    if (parsed.assigned) hits.push(...ivSettingHits(parsed.name, value, at));
    hits.push(...nodeTlsFlagHits(value, at));
  }
  return hits;
}

/**
 * `name = value`, `name: value`, `export NAME="value"` or `directive value;` on one line, with string
 * operations only (no backtracking on long lines). `valueAt` is the value's offset in the line, inside
 * its quotes; a trailing `# comment` or `; comment` after whitespace, and a final `;`, are not part of it.
 */
function splitSetting(line: string): { name: string; value: string; valueAt: number; assigned: boolean } | undefined {
  const head = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][\w.-]{0,100})/.exec(line);
  if (!head) return undefined;
  let i = head[0].length;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const assigned = line[i] === '=' || line[i] === ':';
  if (assigned) {
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  } else if (i === head[0].length) return undefined;
  const rest = line.slice(i).replace(/\r$/, '');
  const q = rest[0];
  if (q === '"' || q === "'") {
    const close = rest.indexOf(q, 1);
    if (close < 0) return undefined;
    return { name: head[2]!, value: rest.slice(1, close), valueAt: i + 1, assigned };
  }
  let end = rest.length;
  for (const mark of [' #', '\t#', ' ;', '\t;']) {
    const k = rest.indexOf(mark);
    if (k >= 0 && k < end) end = k;
  }
  const value = rest.slice(0, end).trimEnd().replace(/;$/, '').trimEnd();
  return { name: head[2]!, value, valueAt: i, assigned };
}
