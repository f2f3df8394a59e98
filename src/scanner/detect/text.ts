/**
 * Non-code files: `.env*`, JSON, YAML (docker-compose, Kubernetes Secret manifests with their base64
 * values decoded), `.npmrc`, Dockerfiles, key=value files, PEM/key files and binary keystores, and every
 * other text file for known credential formats and private-key blocks (the gitleaks model).
 * Same catalogue and classifier as the rules: `findCredentials`, `classifyValue(value, { name })`,
 * `isSecretEnvName`. The parsers here only find (name, value, offset) pairs; deciding is the core's job.
 */
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import {
  classifyValue,
  findCredentials,
  isPlaceholder,
  isPrivateJwk,
  isSecretEnvName,
  isSecretName,
  keyHolderSecret,
  secretFlagJudgedName,
  looksRandom,
  publicIdentifierOf,
  publicInContextOf,
  publicUnderNameOf,
  redact,
} from '../../detect/index.js';
import {
  isReference,
  namePublicIdentifiers,
  nameValueFormats,
  placeholderPasswords,
  sealedDocuments,
} from '../../catalogue/credentials.js';
import { credentialClients, type CredentialClient } from '../../catalogue/clients.js';
import type { Severity } from '../../catalogue/types.js';
import type { Finding } from '../../report/types.js';
import { fileFingerprints, findingFingerprint, LineMap, scrub, snippetOf, type FileResult } from '../common.js';
import { configKeyPath } from './anchor.js';
import { displayFingerprint, secretFingerprint } from '../fingerprints.js';
import { applyInlineAllows } from '../suppress.js';
import { isProviderIssued } from '../../rule-kit/files.js';
import {
  dockerfileJudge,
  documentJudge,
  isComposeFile,
  isLocalCompose,
  loopbackOnly,
  notForProduction,
  type Withhold,
} from './local-context.js';
import { secretPayloads } from './templates/terraform.js';
import { parseDocs } from './templates/yaml.js';

export type TextKind =
  'dotenv' | 'npmrc' | 'json' | 'yaml' | 'dockerfile' | 'keyvalue' | 'netrc' | 'keyfile' | 'lock' | 'text';

/**
 * Lock files: dependency names, versions and integrity hashes, never secrets by name or entropy. Only
 * credential formats are looked for there (a token inside a resolved git URL is still a token).
 */
const LOCK_FILES: ReadonlySet<string> = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'deno.lock',
  'composer.lock',
  'gemfile.lock',
  'cargo.lock',
  'poetry.lock',
  'pipfile.lock',
  'packages.lock.json',
  'go.sum',
  'flake.lock',
]);

/** SSH private keys by their conventional names (the `.pub` halves are public). */
const SSH_KEY_FILES = /^id_(?:rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk)$/;

/** Binary keystores: committing one is a finding by itself (the file holds private keys). */
export const keystoreExtensions: ReadonlySet<string> = new Set([
  '.p12',
  '.pfx',
  '.jks',
  '.keystore',
  '.bks',
  '.pkcs12',
]);

/** Binary files that are not scanned by design (images, fonts, archives, media): never a partial scan. */
export const knownBinaryExtensions: ReadonlySet<string> = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.ico',
  '.bmp',
  '.tiff',
  '.avif',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
  '.eot',
  '.pdf',
  '.zip',
  '.gz',
  '.tgz',
  '.bz2',
  '.xz',
  '.7z',
  '.rar',
  '.jar',
  '.war',
  '.mp3',
  '.mp4',
  '.wav',
  '.ogg',
  '.webm',
  '.mov',
  '.avi',
  '.wasm',
  '.node',
  '.so',
  '.dylib',
  '.dll',
  '.exe',
  '.class',
  '.pyc',
  '.o',
  '.a',
  '.lockb',
  '.sqlite',
  '.db',
]);

const extOf = (rel: string): string => {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
};

export function textKindOf(rel: string): TextKind {
  const base = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  const ext = extOf(rel);
  if (LOCK_FILES.has(base)) return 'lock';
  if (SSH_KEY_FILES.test(base) || ext === '.key') return 'keyfile';
  if (base === '.netrc' || base === '_netrc') return 'netrc';
  if (base === '.pypirc' || base === '.git-credentials') return base === '.pypirc' ? 'keyvalue' : 'text';
  if (ext === '.tfstate' || base.endsWith('.tfstate.backup')) return 'json';
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (base === '.npmrc' || base === '.yarnrc') return 'npmrc';
  if (ext === '.json' || ext === '.jsonc' || ext === '.json5' || base === '.babelrc' || base === '.eslintrc')
    return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (base === 'dockerfile' || base.startsWith('dockerfile.') || ext === '.dockerfile' || base === 'containerfile')
    return 'dockerfile';
  if (
    [
      '.properties',
      '.ini',
      '.toml',
      '.tf',
      '.tfvars',
      '.cfg',
      '.conf',
      '.sh',
      '.bash',
      '.zsh',
      '.ps1',
      '.envrc',
    ].includes(ext) ||
    base === '.envrc'
  )
    return 'keyvalue';
  return 'text';
}

interface Hit {
  readonly offset: number;
  readonly secret: string;
  readonly formatId?: string;
  readonly severity: Severity;
  readonly what: string;
  readonly name?: string;
  /** Set when the credential's place says it is throwaway (./local-context.ts): withheld like a fixture. */
  readonly withhold?: Withhold;
}

/** Marks a hit withheld, unless a provider issued it (such a credential is live wherever it is). */
const withheld = (h: Hit, w: Withhold | undefined): Hit =>
  w && !isProviderIssued(h.formatId) ? { ...h, withhold: w } : h;

/**
 * `NAME=value`, `export NAME="value"`, `name = "value"`, `name: value` on one line. A `#` starts a comment
 * only after whitespace (as dotenv reads it): `PASS=ab#cd` keeps `ab#cd`.
 */
const ASSIGN = new RegExp(
  String.raw`^[ \t]*(?:export[ \t]+|set[ \t]+|ENV[ \t]+|ARG[ \t]+)?["']?([A-Za-z_][A-Za-z0-9_.\-/:]{0,100})["']?` +
    String.raw`[ \t]*(?:=|:(?!\/)|[ \t](?=["']))[ \t]*(["']?)([^\r\n]{1,4096}?)\2(?:[ \t]+#[^\r\n]*)?[ \t]*\r?$`,
  'gm',
);

/** The name of the Terraform `variable "…" {` block open at `offset` (its header within 600 characters). */
function variableAround(text: string, offset: number): string | undefined {
  const before = text.slice(Math.max(0, offset - 600), offset);
  return /\bvariable[ \t]+"([A-Za-z0-9_-]{1,100})"[ \t]*\{[^}]*$/.exec(before)?.[1];
}

function lineHits(text: string, strictSecret: boolean, publicAt: Set<number>): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(ASSIGN)) {
    const name = m[1]!;
    const value = m[3]!;
    if (value.length < 4) continue;
    const offset = (m.index ?? 0) + m[0].indexOf(value, m[0].indexOf(name) + name.length);
    let key = name.slice(name.lastIndexOf('.') + 1).replace(/^\/\/.*:/, '');
    // Terraform: `variable "db_password" { default = "…" }` holds the value under the variable's name.
    if (key === 'default') key = variableAround(text, offset) ?? key;
    if (publicUnder(value, name)) {
      publicAt.add(offset);
      continue;
    }
    // `\n` in a value is a line break (dotenv double quotes, Java properties): a key written over several
    // lines is judged as written. Offsets inside such a value are approximate by the escapes before a hit.
    const unescaped = value.includes('\\n') ? value.replace(/(?:\\r)?\\n/g, '\n') : value;
    for (const h of valueHits(unescaped, offset, key, strictSecret && isSecretEnvName(key)))
      hits.push(withheld(h, loopbackOnly({ value }, h.secret)));
  }
  return hits;
}

/** `name = "value"` (or `name: "value"`) inside an HCL expression, one pair at a time. */
const HCL_PAIR = /(?<![\w.-])([A-Za-z_][\w-]{0,100})[ \t]*[=:][ \t]*"((?:[^"\\$\n]|\\.|\$(?!\{)){4,4096})"/g;

/**
 * The literals a Terraform secret store keeps (catalogue `templateSecretPayloads`): `value = "…"` of a Key Vault
 * secret, every `key = "…"` of a `jsonencode({ … })` or map given as a Secrets Manager version's string. The payload
 * itself is judged as a value in a secret store under the resource's name; a member under its own key, as a store
 * value when the key names a secret. Hits already found at the same offset are not repeated.
 */
function payloadHits(text: string, found: readonly Hit[]): Hit[] {
  const seen = new Set(found.map((h) => h.offset));
  const hits: Hit[] = [];
  for (const p of secretPayloads(text)) {
    const span = text.slice(p.start, p.end);
    for (const m of span.matchAll(HCL_PAIR)) {
      const offset = p.start + (m.index ?? 0) + m[0].lastIndexOf(m[2]!);
      // The payload itself is the stored secret; inside it, a member is one when its key says so (not `client_id`).
      const whole = (m.index ?? 0) === 0;
      const name = whole ? p.store : m[1]!;
      for (const h of valueHits(m[2]!, offset, name, whole || isSecretName(name)))
        if (!seen.has(h.offset)) hits.push(h);
    }
  }
  return hits;
}

/**
 * A value public under its name or key path (catalogue `namePublicIdentifiers`: a Google Maps or Firebase key).
 * The free-text format pass finds the same value without its name: `findTextSecrets` drops it at that offset.
 * `name` may be given as a function: it is built only for a value of a public identifier's shape.
 */
function publicUnder(value: string, name: string | (() => string)): boolean {
  return (
    namePublicIdentifiers.some((p) => p.pattern.test(value)) &&
    publicUnderNameOf(value, typeof name === 'string' ? name : name()) !== undefined
  );
}

/** Values up to this length are remembered by `valueHits` (longer ones are rare and seldom repeat). */
const VALUE_MEMO_CHARS = 1024;
/** Distinct (value, name, store) triples remembered before the memo starts over. */
const VALUE_MEMO_LIMIT = 20_000;
/**
 * `valueHitsAt`'s hits at offset 0, by name and store, then by value: translation catalogues repeat their strings.
 * Two levels, so a lookup hashes the value as it is instead of a key built from it for every scalar.
 */
const valueMemo = new Map<string, Map<string, readonly Hit[]>>();
let valueMemoSize = 0;
const NO_HITS: readonly Hit[] = [];

/**
 * A value under a name: a credential format, or a secret by the classifier with the name as context. The
 * answer depends only on the value, the name and `inSecretStore` (offsets aside), so it is remembered per
 * thread, in memory only.
 */
function valueHits(value: string, offset: number, name: string | undefined, inSecretStore: boolean): readonly Hit[] {
  if (value.length > VALUE_MEMO_CHARS) return valueHitsAt(value, offset, name, inSecretStore);
  // Unnamed and outside a secret store, a value costs one `findCredentials` (`valueHitsAt`): less than a memo entry.
  if (name === undefined && !inSecretStore) {
    const hits = valueHitsAt(value, offset, undefined, false);
    return hits.length === 0 ? NO_HITS : hits;
  }
  const slot = name === undefined ? (inSecretStore ? '1' : '0') : `${inSecretStore ? 1 : 0}:${name}`;
  let byValue = valueMemo.get(slot);
  let hits = byValue?.get(value);
  if (hits === undefined) {
    if (valueMemoSize >= VALUE_MEMO_LIMIT) {
      valueMemo.clear();
      valueMemoSize = 0;
      byValue = undefined;
    }
    if (!byValue) valueMemo.set(slot, (byValue = new Map<string, readonly Hit[]>()));
    byValue.set(value, (hits = valueHitsAt(value, 0, name, inSecretStore)));
    valueMemoSize++;
  }
  return hits.length === 0 ? NO_HITS : hits.map((h) => ({ ...h, offset: h.offset + offset }));
}

/**
 * Words that describe what a setting must hold, or that it holds nothing (`unused`, `unset`, `n/a`), not a value of
 * it (docs/audit.md, "Test vectors, slot words and listen settings").
 */
const SLOT_RULE_WORD = /^(?:required|optional|string|(?:not|non)[-_ ]?empty|unused|not[-_ ]?used|unset|n\/a)$/i;

/** The words of a setting's name, lower-case: `MYSQL_ROOT_PASSWORD`, `mysqlRootPassword` → mysql, root, password. */
const nameWords = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * A value that spells the last words of its own setting's name (`MYSQL_ROOT_PASSWORD: root_password`,
 * `JWT_SECRET=jwt-secret`, `apiKey: "apiKey"`) names the slot, as `changeme` does (docs/audit.md, "A value that
 * spells its name"). Separators and case do not count; another word, digit or symbol does.
 */
function spellsItsName(value: string, name: string): boolean {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[-_. ]+/g, '');
  if (v.length < 4 || /[^a-z0-9]/.test(v)) return false;
  const words = nameWords(name);
  for (let k = 1; k <= words.length; k++) if (words.slice(-k).join('') === v) return true;
  return false;
}

/** The string members of a JSON object or array value, with the key each sits under; undefined for any other value. */
function jsonMembers(value: string): [string | undefined, string][] | undefined {
  const v = value.trim();
  if (!/^(?:\{[\s\S]*\}|\[[\s\S]*\])$/.test(v)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(v);
  } catch {
    return undefined;
  }
  const out: [string | undefined, string][] = [];
  const walk = (node: unknown, key: string | undefined): void => {
    if (typeof node === 'string') out.push([key, node]);
    else if (Array.isArray(node)) for (const item of node) walk(item, key);
    else if (node !== null && typeof node === 'object')
      for (const [k, item] of Object.entries(node as Record<string, unknown>)) walk(item, k);
  };
  walk(doc, undefined);
  return out;
}

function valueHitsAt(value: string, offset: number, name: string | undefined, inSecretStore: boolean): Hit[] {
  const creds = findCredentials(value, name === undefined ? {} : { name });
  if (creds.length > 0) {
    return creds.map((c) => ({
      offset: offset + c.index,
      secret: c.secret,
      formatId: c.format.id,
      severity: c.format.severity,
      what: c.format.title,
      ...(name ? { name } : {}),
    }));
  }
  // With no name and no secret store, the classifier calls a value a secret only for a credential format in it (as it
  // trims it), and `findCredentials` just found none in this very text: a value that trims to itself is no hit. Most
  // strings of a translation catalogue or a data file end here.
  if (name === undefined && !inSecretStore && value.trim() === value) return [];
  // A flag, not a value; with the `,` or `;` that ends it when a line reader cuts a JSON or code line
  // (`"roomPassword": false,` in a shell script's request body).
  if (/^(?:true|false|null|none|undefined|enabled|disabled)[,;]?$/i.test(value.trim())) return [];
  // A JSON document under one setting (`DB_CREDENTIALS_JSON={"user": "root", "password": ""}`) is judged member by
  // member under each member's own name, as a JSON file is: the object as a whole is no key.
  const members = jsonMembers(value);
  if (members !== undefined) {
    // The store's strictness passes to a member only under a secret name: `"user": "root"` is no key.
    return members.flatMap(([key, v]) =>
      valueHitsAt(
        v,
        offset + Math.max(0, value.indexOf(v)),
        key,
        inSecretStore && key !== undefined && isSecretName(key),
      ),
    );
  }
  // A word that states the slot's rule instead of filling it: a CI job sets `VAULT_TOKEN: "not-empty"` only to pass
  // an env schema's check; `required`, `optional` and `string` name the slot like `changeme` (isPlaceholder).
  if (SLOT_RULE_WORD.test(value.trim())) return [];
  if (name !== undefined && spellsItsName(value, name)) return [];
  const c = classifyValue(value, {
    ...(name === undefined ? {} : { name }),
    ...(inSecretStore ? { inKeySink: true } : {}),
  });
  if (!c.secret) {
    if (name === undefined || c.reason !== 'no evidence' || !keyHolderSecret(value, name)) return [];
    return [{ offset, secret: value, severity: 'high', what: 'high-entropy value under a key name', name }];
  }
  // A value that starts with `${`/`$(` is a reference, handled by isPlaceholder; a bare word under a secret
  // name in a secret store (k8s Secret, .env) is still a committed secret.
  return [
    {
      offset,
      secret: value,
      ...(c.formatId ? { formatId: c.formatId } : {}),
      severity: c.severity,
      what: c.reason,
      ...(name ? { name } : {}),
    },
  ];
}

/**
 * What a YAML file says of itself, for values no scalar holds (a commented-out line): a comment that it is not for
 * production, or a compose file named, placed or declared for development (src/scanner/detect/local-context.ts).
 */
function yamlFileNote(rel: string, text: string): Withhold | undefined {
  const note = notForProduction(text);
  if (note || !isComposeFile(rel)) return note;
  const name = /^name:[ \t]*["']?([\w.-]+)/m.exec(text)?.[1];
  return isLocalCompose(rel, text, name ? [{ path: ['name'], value: name }] : [])
    ? {
        as: 'test-fixture',
        why: 'a compose file named, placed or declared (project name, NODE_ENV) for development or tests',
      }
    : undefined;
}

/** A string scalar of a JSON or YAML document: the keys on the way from the root, its value, its offset. */
interface Scalar {
  readonly path: readonly string[];
  readonly value: string;
  readonly offset: number;
  /** Under a YAML tag that makes a reference (`!GetAtt`, `!Ref`; see REFERENCE_TAGS). */
  readonly reference?: boolean;
}

/**
 * CloudFormation intrinsic functions whose arguments name something instead of holding a value: a logical
 * id (`!Ref DbSecret`, `!GetAtt [Role, Arn]`), an export name, a mapping key, a region. The value they make
 * is read at deploy time; a literal secret would sit elsewhere (a parameter default, a mapping, a `!Sub`
 * string), where it is still read. `!Sub`, `!Join`, `!Base64`, `!Select` and `!If` carry literal text and are
 * not references.
 */
const REFERENCE_TAGS = new Set(['!Ref', '!GetAtt', '!ImportValue', '!FindInMap', '!GetAZs']);
const REFERENCE_KEYS = new Set(['Ref', 'Fn::GetAtt', 'Fn::ImportValue', 'Fn::FindInMap', 'Fn::GetAZs']);
/** The longest of `REFERENCE_KEYS`: a longer key (a catalogue's sentence) is none of them, and is not hashed. */
const REFERENCE_KEY_CHARS = Math.max(...[...REFERENCE_KEYS].map((k) => k.length));
/** Whether a scalar is an argument of a reference intrinsic, in the short (tag) or the long (key) form. */
const isIntrinsicReference = (s: Scalar): boolean =>
  s.reference === true || s.path.some((k) => k.length <= REFERENCE_KEY_CHARS && REFERENCE_KEYS.has(k));

/** YAML: every document's string scalars, or undefined when the text does not parse. */
function yamlScalars(text: string): Scalar[][] | undefined {
  // The same parse as the config check's (./templates/yaml.ts), which reuses it for this text: YAML is parsed once.
  const parsed = parseDocs(text);
  if ('error' in parsed) return undefined;
  const out: Scalar[][] = [];
  // Alias bombs and the like are read as plain text instead: `toJS` counts alias expansions and throws past the
  // limit, or on a merge key (`<<`, YAML 1.1) whose source is not a map. It throws nowhere else, so a text with no
  // alias (an alias needs `*`) and no merge key is not converted: nothing in it could throw.
  const mayThrow = text.includes('*') || text.includes('<<');
  for (const doc of parsed.docs) {
    try {
      if (mayThrow) doc.toJS({ maxAliasCount: 50 });
    } catch {
      return undefined;
    }
    const scalars: Scalar[] = [];
    const walk = (node: YamlNode | null | undefined, path: readonly string[], inRef = false): void => {
      if (!node) return;
      const ref = inRef || (node.tag !== undefined && REFERENCE_TAGS.has(node.tag));
      if (isMap(node)) {
        for (const pair of node.items)
          if (isPair(pair))
            walk(pair.value as YamlNode, [...path, isScalar(pair.key) ? String(pair.key.value) : ''], ref);
      } else if (isSeq(node)) {
        for (const item of node.items) walk(item as YamlNode, path, ref);
      } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
        const quoted = /^["']/.test(text.slice(node.range[0], node.range[0] + 1));
        scalars.push({
          path,
          value: node.value,
          offset: node.range[0] + (quoted ? 1 : 0),
          ...(ref ? { reference: true } : {}),
        });
      }
    };
    walk(doc.contents as YamlNode | null, []);
    out.push(scalars);
  }
  return out;
}

/**
 * JSON (and JSON with comments): every string value with the keys on its way, in one pass over the
 * characters. A full parser builds a tree the scan does not need; this costs a fraction of it per MB.
 * Returns undefined when the text is not JSON-shaped (the caller then reads it as plain text).
 */
export function jsonScalars(text: string): Scalar[] | undefined {
  const out: Scalar[] = [];
  // One frame per open container: its path, whether it is an object, and (objects) the pending key.
  const stack: Array<{ path: string[]; object: boolean; key: string | undefined; wantKey: boolean }> = [];
  let i = 0;
  const n = text.length;
  // The string just read (`readString`), kept in two variables rather than an object per string.
  let value = '';
  let start = 0;
  const readString = (): boolean => {
    start = i + 1;
    let j = start;
    let escaped = false;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */) {
        escaped = true;
        j++;
      } else if (c === 34 /* " */) break;
      else if (c === 10) return false;
    }
    if (j >= n) return false;
    const raw = text.slice(start, j);
    i = j + 1;
    if (!escaped) {
      value = raw;
      return true;
    }
    try {
      value = JSON.parse(`"${raw}"`) as string;
      return true;
    } catch {
      return false;
    }
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 34) {
      if (!readString()) return undefined;
      if (top?.object && top.wantKey) {
        top.key = value;
        top.wantKey = false;
      } else if (top) {
        out.push({ path: top.object ? [...top.path, top.key ?? ''] : top.path, value, offset: start });
      }
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const path = !top ? [] : top.object ? [...top.path, top.key ?? ''] : top.path;
      stack.push({ path, object: c === 123, key: undefined, wantKey: c === 123 });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (!stack.pop()) return undefined;
    } else if (c === 44 /* , */) {
      if (top?.object) top.wantKey = true;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl;
      continue;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return undefined;
      i = end + 2;
      continue;
    }
    i++;
  }
  return stack.length === 0 ? out : undefined;
}

/**
 * A translation catalogue (`locales/de.json`, `i18n/locales/da_DK/translation.json`, `lang/fr.yml`): its keys are
 * message ids and its values UI text in some language ("Secret value"), so a key's name says nothing about its value.
 * Only credential formats, which need no name, are looked for there.
 */
const TRANSLATION_CATALOGUE =
  /(?:^|\/)(?:locales?|i18n|l10n|lang|langs|languages|translations?)\/(?:[^/]+\/)*[^/]+\.(?:json|ya?ml)$/i;

/**
 * The `name` (or `key`: Render's `envVars`, DigitalOcean's app spec `envs`) scalar just before a `value` scalar of
 * the same map (`- name: X` / `  value: …`), or undefined.
 */
function nameBeside(prev: Scalar, path: readonly string[]): string | undefined {
  const last = prev.path.length - 1;
  if (prev.path.length !== path.length || !/^(?:name|key)$/i.test(prev.path[last] ?? '')) return undefined;
  for (let i = 0; i < last; i++) if (prev.path[i] !== path[i]) return undefined;
  return /^[A-Za-z_][A-Za-z0-9_.-]{0,100}$/.test(prev.value) ? prev.value : undefined;
}

/**
 * A CloudFormation or SAM template parameter's default (the `Default` key of a parameter under `Parameters`): the
 * value is the parameter's, so it is judged under the parameter's name.
 */
function templateParameterName(path: readonly string[]): string | undefined {
  return path.length === 3 && path[0] === 'Parameters' && path[2] === 'Default' ? path[1] : undefined;
}

/** An env map whose entries are objects (Heroku `app.json`: `env: { NAME: { value: … } }`): the entry's name. */
function envEntryName(path: readonly string[]): string | undefined {
  const n = path.length;
  return n >= 3 && /^(?:env|environment)$/i.test(path[n - 3] ?? '') ? path[n - 2] : undefined;
}

/** Whether `prev` is the item before, in the same list (the same path: a list adds no key). */
function sameList(prev: Scalar, path: readonly string[]): boolean {
  return prev.path.length === path.length && prev.path.every((k, i) => k === path[i]);
}

/**
 * `--token=…`, `--requirepass …`, `--client-secret "…"` inside a command (a workflow `run:` step, a compose
 * `command:`, a Dockerfile `RUN`, a shell script): the value is judged under what the flag takes (catalogue
 * `secretFlagName`); `--token "$VERCEL_TOKEN"` and `${{ secrets.X }}` are references, never secrets.
 */
const FLAG = new RegExp(
  String.raw`(?<=^|[\s"'[,(])--?([A-Za-z][A-Za-z0-9-]{1,40})(?:=|[ \t]+)(["']?)` +
    String.raw`([^\s"'\\,;)-][^\s"'\\,;)]{3,255})\2`,
  'g',
);
function flagHits(text: string, offset: number): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(FLAG)) {
    const judged = secretFlagJudgedName(m[1]!);
    const value = m[3]!;
    if (judged === undefined) continue;
    const at = offset + (m.index ?? 0) + m[0].lastIndexOf(value);
    for (const h of valueHits(value, at, judged, false))
      hits.push({ ...h, name: `--${m[1]!}`, what: `${h.what} (command-line flag)` });
  }
  return hits;
}

/**
 * The string members of each object of a document, in order: scalars with the same parent path, a new object starting
 * where a key repeats (the items of a list share their path). Keyed by the first member's index.
 */
function objectMembers(scalars: readonly Scalar[]): Map<number, Map<string, Scalar>> {
  const open = new Map<string, Map<string, Scalar>>();
  const byFirst = new Map<number, Map<string, Scalar>>();
  scalars.forEach((s, i) => {
    if (s.path.length === 0) return;
    const parent = s.path.slice(0, -1).join('\0');
    const key = s.path[s.path.length - 1]!;
    let members = open.get(parent);
    if (!members || members.has(key)) {
      open.set(parent, (members = new Map<string, Scalar>()));
      byFirst.set(i, members);
    }
    members.set(key, s);
  });
  return byFirst;
}

/** Private JWK members (RFC 7518 §6.2.2, §6.3.2, §6.4.1), the first of which a finding points at. */
const JWK_PRIVATE_MEMBERS = ['d', 'k', 'p', 'q', 'dp', 'dq', 'qi'];

/**
 * A private JWK written as data (`{"kty": "EC", …, "d": "…"}` in a JSON or YAML file, alone or in a `keys` set): one
 * hit at its first private member. A public JWK, a placeholder and a published example (`isPrivateJwk`) are none.
 */
function jwkHits(objects: Map<number, Map<string, Scalar>>): Hit[] {
  const hits: Hit[] = [];
  for (const members of objects.values()) {
    if (!members.has('kty')) continue;
    const values = Object.fromEntries([...members].map(([k, v]) => [k, v.value]));
    if (!isPrivateJwk(values)) continue;
    const at = JWK_PRIVATE_MEMBERS.map((m) => members.get(m)).find((m) => m !== undefined && !isPlaceholder(m.value));
    if (at)
      hits.push({
        offset: at.offset,
        secret: at.value,
        severity: 'critical',
        what: `Private JWK (kty ${values.kty as string}, member ${at.path[at.path.length - 1]!})`,
        name: at.path[at.path.length - 1]!,
      });
  }
  return hits;
}

/** Whether a scalar lies in the sealed part of a document of a sealing kind (catalogue `sealedDocuments`). */
const isSealed = (docKind: string | undefined, path: readonly string[]): boolean =>
  docKind !== undefined &&
  sealedDocuments.some(
    (d) => d.kind === docKind && d.path.every((k, i) => path[i] === k) && path.length > d.path.length,
  );

/**
 * A Kubernetes Secret's `.dockerconfigjson` (or legacy `.dockercfg`) value: base64 of a Docker `config.json` whose
 * registry `auth` values are read as that file's are (`configFileHit`: a placeholder `user:password` is none). The
 * hit points at the outer value. Undefined when the value is not such a document.
 */
function dockerConfigHits(key: string | undefined, value: string, at: number): Hit[] | undefined {
  if (key !== '.dockerconfigjson' && key !== '.dockercfg') return undefined;
  const decoded = decodeBase64(value);
  const inner = decoded === undefined ? undefined : jsonScalars(decoded);
  if (!inner) return undefined;
  const hits: Hit[] = [];
  for (const s of inner) {
    const path = key === '.dockercfg' ? ['auths', ...s.path] : s.path;
    const h = configFileHit(undefined, path, s.value, at);
    if (h) hits.push({ ...h, offset: at, secret: value, what: `${h.what} (Kubernetes Secret ${key})` });
  }
  return hits;
}

/** Structured JSON/YAML: every scalar with the key it is stored under, read by what the document is. */
function structuredHits(
  rel: string,
  text: string,
  kind: 'json' | 'yaml',
  publicAt: Set<number>,
  keywords: Keywords | undefined,
): Hit[] | undefined {
  const docs = kind === 'json' ? [jsonScalars(text)] : yamlScalars(text);
  if (!docs || docs.some((d) => d === undefined)) return undefined;
  const hits: Hit[] = [];
  const catalogue = TRANSLATION_CATALOGUE.test(rel);
  const quiet = quietScalars(text, keywords);
  for (const scalars of docs as Scalar[][]) {
    const judge = documentJudge(rel, text, scalars);
    const root = (k: string): string | undefined => scalars.find((s) => s.path.length === 1 && s.path[0] === k)?.value;
    const docKind = root('apiVersion') !== undefined ? root('kind') : undefined;
    const objects = objectMembers(scalars);
    const jwk = catalogue ? [] : jwkHits(objects);
    hits.push(...jwk.map((h) => withheld(h, judge?.({ path: [h.name ?? ''], value: h.secret }, h.secret))));
    const jwkAt = new Set(jwk.map((h) => h.offset));
    // Each scalar's object siblings, for the values public only among them (a Firebase web config's `apiKey`).
    const siblingsOf = new Map<Scalar, readonly string[]>();
    for (const members of objects.values()) {
      const keys = [...members.keys()];
      for (const s of members.values()) siblingsOf.set(s, keys);
    }
    for (let index = 0; index < scalars.length; index++) {
      const scalar = scalars[index]!;
      const { path, value, offset: at } = scalar;
      if (jwkAt.has(at) || isSealed(docKind, path)) continue;
      // A reference intrinsic's argument names a resource: read for credential formats only, without the
      // secret name it sits under (`Credentials: !GetAtt [ApiRole, Arn]`).
      if (isIntrinsicReference(scalar)) {
        if (quiet(scalar)) continue;
        for (const h of valueHits(value, at, undefined, false)) if (h.formatId) hits.push(h);
        continue;
      }
      const key = path[path.length - 1];
      const parentKey = path[path.length - 2];
      // Every key of the scalar's object, its own left out by `publicInContextOf` (a copy without it for each
      // scalar made a translation catalogue of n strings cost n² comparisons).
      const keys = siblingsOf.get(scalar);
      if (
        publicUnder(value, () => path.join('_')) ||
        (key !== undefined && keys && publicInContextOf(value, key, keys, key))
      ) {
        publicAt.add(at);
        continue;
      }
      // A Kubernetes Secret's `data` values are base64; `stringData` values are as written.
      if (docKind === 'Secret' && path.length === 2 && (path[0] === 'data' || path[0] === 'stringData')) {
        const docker = path[0] === 'data' ? dockerConfigHits(key, value, at) : undefined;
        if (docker) {
          hits.push(...docker.map((h) => withheld(h, judge?.({ path, value }, h.secret))));
          continue;
        }
        const decoded = path[0] === 'data' ? decodeBase64(value) : value;
        // Apps keep settings there too (`DB_ENGINE: sql`, a URL, a region): strict under a secret name or for a
        // random-looking value that is not a URL, otherwise judged as anywhere else (a credential format, such as
        // a password in a URL, still counts).
        const strict =
          decoded !== undefined &&
          (isSecretEnvName(key ?? '') || (looksRandom(decoded) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(decoded)));
        // A sample manifest's placeholder word (`password: secret`) is an example, counted and not listed.
        const placeholder =
          decoded !== undefined && placeholderPasswords.has(decoded.trim().toLowerCase())
            ? ({ as: 'example', why: 'a placeholder word in a Kubernetes Secret manifest' } as const)
            : undefined;
        if (decoded !== undefined)
          for (const h of valueHits(decoded, at, key, strict))
            hits.push(
              withheld(
                {
                  ...h,
                  offset: at,
                  secret: value === decoded ? h.secret : value,
                  what: `${h.what} (Kubernetes Secret ${path[0]})`,
                },
                placeholder ?? judge?.({ path, value: decoded }, h.secret),
              ),
            );
        continue;
      }
      const special = configFileHit(docKind, path, value, at);
      if (special !== undefined) {
        if (special) hits.push(special);
        continue;
      }
      // `- NAME=value` list items (docker-compose `environment:`) carry their own name.
      const eq = /^([A-Za-z_][A-Za-z0-9_]{0,100})=(.+)$/.exec(value);
      const envList = eq && !value.includes(' ');
      const prev = scalars[index - 1];
      // `{ name: DB_PASSWORD, value: '…' }` (a Kubernetes container's `env`, an ECS task's `environment`): the
      // value is stored under the name beside it.
      const pairName = catalogue
        ? undefined
        : prev && /^value$/i.test(key ?? '')
          ? (nameBeside(prev, path) ?? envEntryName(path))
          : templateParameterName(path);
      // `["redis-server", "--requirepass", "…"]`: a flag, then its value, as items of one list.
      const flag = !catalogue && prev && sameList(prev, path) ? /^--?([A-Za-z][\w-]{1,40})$/.exec(prev.value) : null;
      const flagName = flag ? secretFlagJudgedName(flag[1]!) : undefined;
      if (!catalogue && value.includes('--'))
        hits.push(...flagHits(value, at).map((h) => withheld(h, judge?.({ path, value }, h.secret))));
      const found = catalogue
        ? quiet(scalar)
          ? NO_HITS
          : valueHits(value, at, undefined, false)
        : pairName !== undefined
          ? valueHits(value, at, pairName, false)
          : flagName !== undefined
            ? valueHits(value, at, flagName, false).map((h) => ({ ...h, name: flag![1]! }))
            : envList
              ? valueHits(
                  eq[2]!,
                  at + eq[1]!.length + 1,
                  eq[1],
                  isSecretEnvName(eq[1]!) && /environment|env/i.test(key ?? ''),
                )
              : valueHits(
                  value,
                  at,
                  key,
                  key !== undefined && /^(?:environment|env|variables)$/i.test(parentKey ?? '') && isSecretEnvName(key),
                );
      for (const h of found) hits.push(withheld(h, judge?.({ path, value }, h.secret)));
    }
  }
  return hits;
}

/** Where the credential formats' keywords occur in a file's text (`findCredentials`'s `keywords` option). */
type Keywords = Parameters<NonNullable<Parameters<typeof findCredentials>[1]>['keywords'] & {}>[0];

/**
 * Scalars that `valueHits(value, at, undefined, false)` finds nothing in, known without asking it: the value is
 * written as it reads (no escape, no folded line: the text at its offset is the value), it has no surrounding
 * blanks, and no keyword of any credential format lies inside it (`keywords`, found by the file's own format pass).
 * Such a value gives `findCredentials` no candidate format, and `valueHitsAt` stops there for an unnamed value
 * outside a secret store that trims to itself: a translation catalogue's strings are not scanned again one by one.
 */
function quietScalars(text: string, keywords: Keywords | undefined): (s: Scalar) => boolean {
  return (s) =>
    keywords !== undefined &&
    s.value.trim() === s.value &&
    text.startsWith(s.value, s.offset) &&
    !keywords.inside(s.offset, s.offset + s.value.length);
}

/**
 * Credentials that only their file's structure reveals: kubeconfig user tokens and client keys, Docker
 * `config.json` registry auths. `undefined` means "not special: classify as usual"; `null` means "handled,
 * nothing to report".
 */
function configFileHit(
  docKind: string | undefined,
  path: readonly string[],
  value: string,
  at: number,
): Hit | null | undefined {
  const key = path[path.length - 1];
  if (docKind === 'Config' && path[0] === 'users') {
    if (key === 'client-key-data') {
      const decoded = decodeBase64(value);
      const [m] = decoded === undefined ? [] : findCredentials(decoded);
      return m
        ? {
            offset: at,
            secret: value,
            formatId: m.format.id,
            severity: 'critical',
            what: 'Kubernetes client key (kubeconfig client-key-data)',
            name: key,
          }
        : null;
    }
    if (key === 'token' || key === 'id-token' || key === 'refresh-token') {
      const [m] = findCredentials(value);
      if (m)
        return {
          offset: at + m.index,
          secret: m.secret,
          formatId: m.format.id,
          severity: m.format.severity,
          what: `${m.format.title} (kubeconfig)`,
          name: key,
        };
      return looksRandom(value) && !isPlaceholder(value)
        ? { offset: at, secret: value, severity: 'critical', what: 'Kubernetes user token (kubeconfig)', name: key }
        : null;
    }
  }
  if (key === 'auth' && path.includes('auths')) {
    const decoded = decodeBase64(value);
    const m = decoded === undefined ? null : /^([^:\s]{1,128}):(\S{1,256})$/.exec(decoded);
    if (!m) return null;
    const pw = m[2]!;
    const placeholder = isPlaceholder(pw) || isReference(pw) || placeholderPasswords.has(pw.toLowerCase());
    return placeholder
      ? null
      : {
          offset: at,
          secret: value,
          severity: 'high',
          what: 'Docker registry credentials (config.json auths)',
          name: key,
        };
  }
  return undefined;
}

function decodeBase64(v: string): string | undefined {
  const s = v.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return undefined;
  const buf = Buffer.from(s, 'base64');
  const out = buf.toString('utf8');
  return /[\x00-\x08\x0e-\x1f]/.test(out) ? undefined : out;
}

/**
 * Credential formats and private-key blocks anywhere in the text (keyword prefilter inside). Published
 * examples (RFC keys, documented example credentials) are reported as what they are, at low severity.
 */
function formatHits(text: string, keywords?: (found: Keywords) => void): Hit[] {
  return findCredentials(text, { includePublished: true, ...(keywords ? { keywords } : {}) }).map((c) =>
    c.published
      ? {
          offset: c.index,
          secret: c.secret,
          formatId: 'published-example',
          severity: 'low',
          what: `Published example credential (${c.published.label}; ${c.published.source}), not a leak:`,
        }
      : { offset: c.index, secret: c.secret, formatId: c.format.id, severity: c.format.severity, what: c.format.title },
  );
}

/**
 * A key file (`*.key`, `id_rsa`, `id_ed25519`) that holds one raw value instead of a PEM block: the file's
 * name says it is a key, so a single generated-looking token in it is one.
 */
function rawKeyFileHits(text: string): Hit[] {
  const v = text.trim();
  if (v.length < 16 || v.length > 8192 || /\s/.test(v) || isPlaceholder(v) || publicIdentifierOf(v)) return [];
  if (!looksRandom(v) && !/^[A-Za-z0-9+/=_-]{32,}$/.test(v)) return [];
  return [{ offset: text.indexOf(v), secret: v, severity: 'critical', what: 'Raw key material in a key file' }];
}

/** Markup files, where a value may sit behind character references (`&amp;` in a SAS URL, `&lt;password>`). */
const MARKUP_EXTENSIONS: ReadonlySet<string> = new Set([
  '.xml',
  '.html',
  '.htm',
  '.xhtml',
  '.svg',
  '.plist',
  '.config',
  '.csproj',
  '.xaml',
  '.resx',
  '.vue',
]);
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-f]{1,6});/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Lines of a markup file with character references decoded, scanned for credential formats. */
function markupHits(text: string): Hit[] {
  const hits: Hit[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.includes('&') && ENTITY.test(line)) {
      const decoded = line.replace(ENTITY, (e) => {
        const name = e.slice(1, -1).toLowerCase();
        if (name.startsWith('#x')) return String.fromCodePoint(Math.min(0x10ffff, parseInt(name.slice(2), 16)));
        if (name.startsWith('#')) return String.fromCodePoint(Math.min(0x10ffff, parseInt(name.slice(1), 10)));
        return NAMED[name] ?? e;
      });
      // Offsets are kept on the line: a decoded line is shorter, so a hit's column is at most a few characters early.
      for (const h of formatHits(decoded)) hits.push({ ...h, offset: start + Math.min(h.offset, line.length) });
    }
    ENTITY.lastIndex = 0;
    start += line.length + 1;
  }
  return hits;
}

/** `.netrc`: `machine host login user password secret`, on one line or several. */
function netrcHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(/(?:^|\s)password[ \t]+(\S{1,256})/g)) {
    const value = m[1]!;
    hits.push(...valueHits(value, (m.index ?? 0) + m[0].length - value.length, 'password', true));
  }
  return hits;
}

/** Clients whose own configuration files the text pass reads (catalogue `credentialClients`: Prisma's schema). */
const configClients = credentialClients.filter((c) => c.configFiles !== undefined);

/**
 * `key = "value"` lines of a client's configuration file (a Prisma `datasource` block's `url`), judged as what
 * the client's table says the key holds, and named after the client.
 */
function clientConfigHits(text: string, client: CredentialClient): Hit[] {
  const cfg = client.configFiles!;
  const hits: Hit[] = [];
  for (const m of text.matchAll(/^[ \t]*([A-Za-z_][A-Za-z0-9_]{0,60})[ \t]*=[ \t]*"([^"\r\n]{1,4096})"/gm)) {
    const key = m[1]!;
    if (!cfg.keys.includes(key)) continue;
    const value = m[2]!;
    const at = (m.index ?? 0) + m[0].length - value.length - 1;
    for (const h of cfg.holds === 'url'
      ? valueHits(value, at, undefined, false)
      : valueHits(value, at, 'password', false))
      hits.push({ ...h, what: `${h.what} (${client.title} ${key})`, name: key });
  }
  return hits;
}

const RULE = 'keyhygiene/secret-in-file';
const WITHHELD_AS = { 'test-fixture': 'a test fixture', example: 'an example' } as const;

/** Builds a finding for each hit, deduplicated by offset and secret. */
function hitsToFindings(
  rel: string,
  text: string,
  hits: readonly Hit[],
  ruleId: string,
  origin: Finding['origin'],
  map: LineMap,
  messageFor: (h: Hit) => string,
): Finding[] {
  const seen = new Set<string>();
  const secrets = hits.map((h) => h.secret);
  const out: Finding[] = [];
  // One finding per secret per line; a hit that names a credential format wins over a name-based one.
  // A secret that one reader found in a throwaway place (./local-context.ts) is withheld whichever hit is kept: the
  // free-text format pass sees a connection string without knowing it sits in a CI service container's env.
  const best = new Map<string, Hit>();
  const withholds = new Map<string, Withhold>();
  for (const h of hits) {
    const k = `${map.at(h.offset).line}\0${h.secret}`;
    const prev = best.get(k);
    if (!prev || (!prev.formatId && h.formatId)) best.set(k, h);
    if (h.withhold && !withholds.has(k)) withholds.set(k, h.withhold);
  }
  const kept = [...best].map(([k, h]) => (h.withhold ? h : withheld(h, withholds.get(k))));
  const unique: Array<{ h: Hit; fp: string }> = [];
  for (const h of kept.sort((a, b) => a.offset - b.offset)) {
    const fp = secretFingerprint(h.secret);
    if (seen.has(`${h.offset}:${fp}`)) continue;
    seen.add(`${h.offset}:${fp}`);
    unique.push({ h, fp });
  }
  const lineAt = (n: number): string => map.line(n);
  const ids = fileFingerprints(
    rel,
    unique.map(({ h, fp }) => {
      const pos = map.at(h.offset);
      return {
        ruleId,
        match: `secret:${fp}`,
        anchor: configKeyPath(lineAt, pos.line, pos.column),
        context: () => scrub(map.line(pos.line), secrets),
      };
    }),
  );
  for (const [i, { h, fp }] of unique.entries()) {
    const pos = map.at(h.offset);
    out.push({
      ruleId,
      category: ruleId === RULE ? 'hardcoded-key' : 'unsafe-deletion',
      // A withheld credential (./local-context.ts) is listed only with --include-fixtures, low, saying why.
      severity: h.withhold ? 'low' : h.severity,
      message: h.withhold
        ? `${messageFor(h)} Withheld as ${WITHHELD_AS[h.withhold.as]}: ${h.withhold.why}.`
        : messageFor(h),
      location: { file: rel, line: pos.line, column: pos.column },
      fingerprint: ids[i]!,
      origin,
      secret: {
        redacted: redact(h.secret),
        fingerprint: displayFingerprint(fp),
        ...(h.formatId ? { formatId: h.formatId } : {}),
      },
      snippet: snippetOf(map, pos.line, secrets),
      ...(h.withhold ? { fixture: h.withhold.as } : {}),
    });
  }
  void text;
  return out;
}

/**
 * The secrets a non-code text holds, as raw hits (used for HEAD and history blobs too).
 * @param options.published also return published examples (low severity): the working tree reports them as
 * what they are; history does not (an example deleted from the tree is nothing to rotate).
 */
export function findTextSecrets(rel: string, text: string, options: { published?: boolean } = {}): Hit[] {
  const kind = textKindOf(rel);
  // The format pass also says where the formats' keywords occur, for the structured readers' strings.
  let keywords: Keywords | undefined;
  const wantKeywords = kind === 'json' || kind === 'yaml';
  let hits: Hit[] = formatHits(text, wantKeywords ? (k) => (keywords = k) : undefined).filter(
    (h) => options.published || h.formatId !== 'published-example',
  );
  // A client's own configuration file names its values: those hits come first and win over the bare format.
  for (const client of configClients)
    if (client.configFiles!.file.test(rel)) hits = [...clientConfigHits(text, client), ...hits];
  // A structured reader names every value: it, not a free-text `name = value` format, judges those pairs.
  const named = (): void => {
    hits = hits.filter((h) => h.formatId === undefined || !nameValueFormats.has(h.formatId));
  };
  const publicAt = new Set<number>();
  switch (kind) {
    case 'dotenv':
    case 'npmrc':
    case 'dockerfile':
    case 'keyvalue':
      named();
      hits.push(...lineHits(text, kind === 'dotenv' || kind === 'dockerfile', publicAt));
      if (extOf(rel) === '.tf') hits.push(...payloadHits(text, hits));
      if ((kind === 'keyvalue' || kind === 'dockerfile') && text.includes('--')) hits.push(...flagHits(text, 0));
      if (kind === 'dotenv') {
        const note = notForProduction(text);
        if (note) hits = hits.map((h) => withheld(h, note));
      }
      if (kind === 'dockerfile') {
        const judge = dockerfileJudge(text);
        if (judge) hits = hits.map((h) => withheld(h, judge(h.offset, h.secret)));
      }
      break;
    case 'json':
    case 'yaml': {
      const s = text.length <= 4 * 1024 * 1024 ? structuredHits(rel, text, kind, publicAt, keywords) : undefined;
      if (s || kind === 'yaml') named();
      if (s) hits.push(...s);
      else if (kind === 'yaml') hits.push(...lineHits(text, false, publicAt));
      // A value only a format finds (in a comment, a commented-out line) is judged by what the file says of itself.
      if (kind === 'yaml') {
        const note = yamlFileNote(rel, text);
        if (note) hits = hits.map((h) => (h.withhold ? h : withheld(h, note)));
      }
      break;
    }
    case 'keyfile':
      if (hits.length === 0) hits.push(...rawKeyFileHits(text));
      break;
    case 'netrc':
      hits.push(...netrcHits(text));
      break;
    case 'text':
      if (MARKUP_EXTENSIONS.has(extOf(rel))) {
        // A value read through a character reference (`&amp;`) is judged decoded, not as written.
        hits = hits.filter((h) => !/&(?:amp|lt|gt|quot|apos|#x?[0-9a-f]{1,7});/i.test(h.secret));
        hits.push(...markupHits(text));
      }
      break;
    case 'lock':
      named(); // names in a lock file are package names, their values versions
      break;
  }
  return publicAt.size === 0 ? hits : hits.filter((h) => !publicAt.has(h.offset));
}

const describe = (h: Hit): string =>
  h.formatId === 'published-example'
    ? `${h.what} ${redact(h.secret)} is published documentation or a test vector. Nobody should trust it: make sure` +
      ` no deployment uses it as a real key.`
    : `${h.what} ${redact(h.secret)}${h.name ? ` under '${h.name}'` : ''} is committed in this file.` +
      ' Rotate it, then load it at run time from the environment or a keystore.';

/** Analyses one non-code text file. */
export function scanTextFile(rel: string, text: string): FileResult {
  const map = new LineMap(text);
  const hits = findTextSecrets(rel, text, { published: true });
  let findings = hitsToFindings(rel, text, hits, RULE, 'config', map, describe);
  findings = applyInlineAllows(findings, map);
  const inventory: FileResult['inventory'] = findings.map((f) => ({
    kind: f.secret?.formatId === 'private-key-block' ? 'key' : 'credential',
    name: f.secret?.formatId ?? 'generic secret',
    keySource: 'literal',
    locations: [f.location],
  }));
  return { findings, inventory, skipped: [], lines: map.count, bytes: Buffer.byteLength(text) };
}

/**
 * Whether the bytes are a keystore of the kind the extension claims, by structure (nothing is decrypted):
 * JKS (magic FEEDFEED), JCEKS (CECECECE), BKS (version 1 or 2), or a PKCS#12 PFX (RFC 7292 §4: a DER
 * SEQUENCE that spans the file and starts with INTEGER 3). An empty, random or truncated file is not one.
 */
function isKeystoreBytes(ext: string, bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const magic = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (magic === 0xfeedfeed || magic === 0xcececece) return ext !== '.p12' && ext !== '.pfx' && ext !== '.pkcs12';
  if (ext === '.bks') return magic === 1 || magic === 2;
  if (bytes[0] !== 0x30) return false;
  let len = bytes[1]!;
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4) return false;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i]!;
    header = 2 + n;
  }
  return (
    header + len === bytes.length && bytes[header] === 0x02 && bytes[header + 1] === 0x01 && bytes[header + 2] === 0x03
  );
}

/** A binary keystore committed to the repository (nothing when the file is not structurally a keystore). */
export function scanKeystoreFile(rel: string, bytes: Uint8Array): FileResult {
  if (!isKeystoreBytes(extOf(rel), bytes))
    return { findings: [], inventory: [], skipped: [], lines: 0, bytes: bytes.length };
  const fp = secretFingerprint(bytes);
  const f: Finding = {
    ruleId: RULE,
    category: 'hardcoded-key',
    severity: 'critical',
    message:
      `A binary keystore (${extOf(rel)}) is committed. It holds private keys or certificates with their keys: remov` +
      `e it, rotate the keys in it, and keep keystores out of version control.`,
    location: { file: rel, line: 1, column: 1 },
    fingerprint: findingFingerprint(RULE, rel, `keystore:${fp}`),
    origin: 'config',
    secret: {
      redacted: `(${bytes.length} bytes)`,
      fingerprint: displayFingerprint(fp),
      formatId: 'binary-keystore',
    },
  };
  return {
    findings: [f],
    inventory: [{ kind: 'key', name: `keystore ${extOf(rel)}`, keySource: 'file', locations: [f.location] }],
    skipped: [],
    lines: 0,
    bytes: bytes.length,
  };
}

export { extOf };
