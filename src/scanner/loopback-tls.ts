/**
 * The private key of a local HTTPS set-up (docs/audit.md, "Local and CI credentials"): a key whose certificate,
 * beside it, names only loopback hosts (`localhost`, `*.localhost`, `127.0.0.0/8`, `::1`). Such a certificate
 * authenticates nothing beyond the machine it runs on, so its key is a development server's (Angular's `ng serve
 * --ssl`, a Vite `https` option, mkcert output), withheld as a test fixture with the reason.
 *
 * The pairing is proven, not guessed from names: the certificate's public key must equal the key's own, in the
 * same PEM file or in a certificate file of the same directory. The names are the certificate's subject alternative
 * names when it has any (TLS clients read only those then), else its common name. A key whose certificate also
 * names a real host, a key with no certificate beside it, and a key that does not parse stay reported.
 */
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const MAX_BYTES = 64 * 1024;
/** Files that can hold a certificate beside a key. */
const CERT_FILE = /\.(?:pem|crt|cert|cer)$/i;
/**
 * Every private-key block. One Node cannot read (encrypted, OpenSSH) has no public key to pair, so its file stays
 * reported.
 */
const KEY_BLOCK = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?-----END \1-----/g;
const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** A host name or address that only reaches the machine itself. */
function isLoopbackName(name: string): boolean {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  if (n === 'localhost' || n.endsWith('.localhost')) return true;
  if (/^127(?:\.\d{1,3}){3}$/.test(n)) return n.split('.').every((p) => Number(p) <= 255);
  return n === '::1' || n === '0:0:0:0:0:0:0:1';
}

/** The names a certificate is valid for: its subject alternative names, else its common name. */
function certNames(cert: X509Certificate): string[] {
  const san = cert.subjectAltName;
  if (san) return san.split(/,\s*/).map((e) => e.replace(/^(?:DNS|IP Address):/i, ''));
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
  return cn === undefined ? [] : [cn];
}

const readSmall = (file: string): string | undefined => {
  try {
    return statSync(file).size <= MAX_BYTES ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

const spki = (pem: string): string | undefined => {
  try {
    return createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' }).toString('base64');
  } catch {
    return undefined;
  }
};

/** The SPKI (base64 DER) of each certificate in `text` that names only loopback hosts. */
function loopbackCertKeys(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CERT_BLOCK)) {
    try {
      const cert = new X509Certificate(m[0]);
      const names = certNames(cert);
      if (names.length > 0 && names.every(isLoopbackName))
        out.push(cert.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
    } catch {
      // not a certificate Node can read: no pairing
    }
  }
  return out;
}

/**
 * The files among `files` (POSIX paths relative to `root`) whose every private key is paired with a certificate,
 * in the file or beside it, that names only loopback hosts.
 */
export function loopbackTlsKeyFiles(root: string, files: Iterable<string>): ReadonlySet<string> {
  const out = new Set<string>();
  const certsOfDir = new Map<string, readonly string[]>();
  const dirCerts = (dir: string): readonly string[] => {
    let keys = certsOfDir.get(dir);
    if (keys) return keys;
    const found: string[] = [];
    let names: string[] = [];
    try {
      names = readdirSync(path.join(root, dir)).filter((n) => CERT_FILE.test(n));
    } catch {
      // an unreadable directory has no certificates to offer
    }
    for (const n of names.slice(0, 50)) {
      const text = readSmall(path.join(root, dir, n));
      if (text?.includes('-----BEGIN CERTIFICATE-----')) found.push(...loopbackCertKeys(text));
    }
    certsOfDir.set(dir, (keys = found));
    return keys;
  };
  for (const rel of new Set(files)) {
    const text = readSmall(path.join(root, rel));
    if (!text?.includes('PRIVATE KEY-----')) continue;
    const keys = [...text.matchAll(KEY_BLOCK)].map((m) => spki(m[0]));
    if (keys.length === 0 || keys.some((k) => k === undefined)) continue;
    // The marking is the whole file's: a file holding anything besides PEM blocks (a password beside the key in
    // YAML or `.env`) keeps its other findings.
    if (text.replace(KEY_BLOCK, '').replace(CERT_BLOCK, '').trim() !== '') continue;
    const paired = new Set([...loopbackCertKeys(text), ...dirCerts(path.posix.dirname(rel))]);
    if (keys.every((k) => paired.has(k!))) out.add(rel);
  }
  return out;
}
