/**
 * Non-code files: `.env*`, JSON, YAML (docker-compose, Kubernetes Secret manifests with their base64
 * values decoded), `.npmrc`, Dockerfiles, key=value files, PEM/key files and binary keystores, and every
 * other text file for known credential formats and private-key blocks (the gitleaks model).
 * Same catalogue and classifier as the rules: `findCredentials`, `classifyValue(value, { name })`,
 * `isSecretEnvName`. The parsers here only find (name, value, offset) pairs; deciding is the core's job.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { classifyValue, findCredentials, isSecretEnvName, redact } from '../../detect/index.js';
import type { Severity } from '../../catalogue/types.js';
import type { Finding } from '../../report/types.js';
import { findingFingerprint, LineMap, snippetOf, type FileResult } from '../common.js';
import { displayFingerprint, secretFingerprint } from '../fingerprints.js';
import { applyInlineAllows } from '../suppress.js';

export type TextKind = 'dotenv' | 'npmrc' | 'json' | 'yaml' | 'dockerfile' | 'keyvalue' | 'text';

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
}

/** `NAME=value`, `export NAME="value"`, `name = "value"`, `name: value` on one line. */
const ASSIGN =
  /^[ \t]*(?:export[ \t]+|set[ \t]+|ENV[ \t]+|ARG[ \t]+)?["']?([A-Za-z_][A-Za-z0-9_.\-/:]{0,100})["']?[ \t]*(?:=|:(?!\/)|[ \t](?=["']))[ \t]*(["']?)([^\r\n]{1,4096}?)\2[ \t]*(?:#[^\r\n]*)?\r?$/gm;

function lineHits(text: string, strictSecret: boolean): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(ASSIGN)) {
    const name = m[1]!;
    const value = m[3]!;
    if (value.length < 4) continue;
    const offset = (m.index ?? 0) + m[0].indexOf(value, m[0].indexOf(name) + name.length);
    const key = name.slice(name.lastIndexOf('.') + 1).replace(/^\/\/.*:/, '');
    hits.push(...valueHits(value, offset, key, strictSecret && isSecretEnvName(key)));
  }
  return hits;
}

/** A value under a name: a credential format, or a secret by the classifier with the name as context. */
function valueHits(value: string, offset: number, name: string | undefined, inSecretStore: boolean): Hit[] {
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
  const c = classifyValue(value, {
    ...(name === undefined ? {} : { name }),
    ...(inSecretStore ? { inKeySink: true } : {}),
  });
  if (!c.secret) return [];
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

/** Structured JSON/YAML: every scalar with the key it is stored under. K8s Secrets get their data decoded. */
function structuredHits(text: string, kind: 'json' | 'yaml'): Hit[] | undefined {
  const hits: Hit[] = [];
  let parsedAny = false;
  const lc = new LineCounter();
  let docs;
  try {
    docs =
      kind === 'json'
        ? [parseDocument(text, { lineCounter: lc, strict: false, uniqueKeys: false })]
        : parseAllDocuments(text, { lineCounter: lc, strict: false, uniqueKeys: false });
  } catch {
    return undefined;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length > 0) return undefined;
    parsedAny = true;
    const root = doc.contents as YamlNode | null;
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 50 });
    } catch {
      return undefined; // alias bombs and the like: read as plain text instead
    }
    const isK8sSecret =
      !!js &&
      typeof js === 'object' &&
      (js as Record<string, unknown>).kind === 'Secret' &&
      typeof (js as Record<string, unknown>).apiVersion === 'string';
    walk(root, undefined, undefined);

    function walk(node: YamlNode | null | undefined, key: string | undefined, parentKey: string | undefined): void {
      if (!node) return;
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
          walk(pair.value as YamlNode, k, key);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) walk(item as YamlNode, key, parentKey);
      } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
        const value = node.value;
        const src = text.slice(node.range[0], node.range[1]);
        const quoteShift = /^["']/.test(src) ? 1 : 0;
        const at = node.range[0] + quoteShift;
        const section = isK8sSecret && key !== undefined ? secretSectionOf(node) : undefined;
        if (section) {
          const decoded = section === 'data' ? decodeBase64(value) : value;
          if (decoded !== undefined) {
            for (const h of valueHits(decoded, at, key, true))
              hits.push({
                ...h,
                offset: at,
                secret: value === decoded ? h.secret : value,
                what: `${h.what} (Kubernetes Secret ${section})`,
              });
          }
          return;
        }
        // `- NAME=value` list items (docker-compose `environment:`) carry their own name.
        const eq = /^([A-Za-z_][A-Za-z0-9_]{0,100})=(.+)$/.exec(value);
        if (eq && !value.includes(' ')) {
          hits.push(
            ...valueHits(
              eq[2]!,
              at + eq[1]!.length + 1,
              eq[1],
              isSecretEnvName(eq[1]!) && parentKey !== undefined && /environment|env/i.test(key ?? ''),
            ),
          );
          return;
        }
        hits.push(
          ...valueHits(
            value,
            at,
            key,
            key !== undefined && /^(?:environment|env)$/i.test(parentKey ?? '') && isSecretEnvName(key),
          ),
        );
      }
    }

    /** `data` or `stringData` when the scalar sits directly under that top-level map of a Secret. */
    function secretSectionOf(node: YamlNode): 'data' | 'stringData' | undefined {
      if (!isMap(root)) return undefined;
      for (const section of ['data', 'stringData'] as const) {
        const m = root.get(section, true);
        if (isMap(m) && m.items.some((p) => isPair(p) && p.value === node)) return section;
      }
      return undefined;
    }
  }
  return parsedAny ? hits : [];
}

function decodeBase64(v: string): string | undefined {
  const s = v.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return undefined;
  const buf = Buffer.from(s, 'base64');
  const out = buf.toString('utf8');
  return /[\x00-\x08\x0e-\x1f]/.test(out) ? undefined : out;
}

/** Credential formats and private-key blocks anywhere in the text (keyword prefilter inside). */
function formatHits(text: string): Hit[] {
  return findCredentials(text).map((c) => ({
    offset: c.index,
    secret: c.secret,
    formatId: c.format.id,
    severity: c.format.severity,
    what: c.format.title,
  }));
}

const RULE = 'keyhygiene/secret-in-file';

/** Builds a finding for each hit, deduplicated by offset and secret. */
export function hitsToFindings(
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
  const counts = new Map<string, number>();
  const out: Finding[] = [];
  // One finding per secret per line; a hit that names a credential format wins over a name-based one.
  const best = new Map<string, Hit>();
  for (const h of hits) {
    const k = `${map.at(h.offset).line}\0${h.secret}`;
    const prev = best.get(k);
    if (!prev || (!prev.formatId && h.formatId)) best.set(k, h);
  }
  for (const h of [...best.values()].sort((a, b) => a.offset - b.offset)) {
    const fp = secretFingerprint(h.secret);
    const key = fp;
    if (seen.has(`${h.offset}:${fp}`)) continue;
    seen.add(`${h.offset}:${fp}`);
    const pos = map.at(h.offset);
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    out.push({
      ruleId,
      category: ruleId === RULE ? 'hardcoded-key' : 'unsafe-deletion',
      severity: h.severity,
      message: messageFor(h),
      location: { file: rel, line: pos.line, column: pos.column },
      fingerprint: findingFingerprint(ruleId, rel, `secret:${fp}`, n),
      origin,
      secret: {
        redacted: redact(h.secret),
        fingerprint: displayFingerprint(fp),
        ...(h.formatId ? { formatId: h.formatId } : {}),
      },
      snippet: snippetOf(map, pos.line, secrets),
    });
  }
  void text;
  return out;
}

/** The secrets a non-code text holds, as raw hits (used for HEAD and history blobs too). */
export function findTextSecrets(rel: string, text: string): Hit[] {
  const kind = textKindOf(rel);
  const hits: Hit[] = [...formatHits(text)];
  switch (kind) {
    case 'dotenv':
    case 'npmrc':
    case 'dockerfile':
    case 'keyvalue':
      hits.push(...lineHits(text, kind === 'dotenv' || kind === 'dockerfile'));
      break;
    case 'json':
    case 'yaml': {
      const s = text.length <= 1024 * 1024 ? structuredHits(text, kind) : undefined;
      if (s) hits.push(...s);
      else if (kind === 'yaml') hits.push(...lineHits(text, false));
      break;
    }
    default:
      break;
  }
  return hits;
}

const describe = (h: Hit): string =>
  `${h.what} ${redact(h.secret)}${h.name ? ` under '${h.name}'` : ''} is committed in this file. Rotate it, then load it at run time from the environment or a keystore.`;

/** Analyses one non-code text file. */
export function scanTextFile(rel: string, text: string): FileResult {
  const map = new LineMap(text);
  const hits = findTextSecrets(rel, text);
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

/** A binary keystore committed to the repository. */
export function scanKeystoreFile(rel: string, bytes: Uint8Array): FileResult {
  const fp = secretFingerprint(bytes);
  const f: Finding = {
    ruleId: RULE,
    category: 'hardcoded-key',
    severity: 'critical',
    message: `A binary keystore (${extOf(rel)}) is committed. It holds private keys or certificates with their keys: remove it, rotate the keys in it, and keep keystores out of version control.`,
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
