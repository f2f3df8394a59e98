/**
 * Self-signed X.509 certificates made at run time for tests (no key material is committed): a fresh P-256 key pair,
 * a certificate for the given common name and subject alternative names, signed with ECDSA-SHA256, written out in
 * DER by the few encoders below. Node's `X509Certificate` reads the result.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

const len = (n: number): number[] => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag, ...len(body.length)]), body]);
};
const seq = (...c: Buffer[]): Buffer => tlv(0x30, ...c);
const oid = (dotted: string): Buffer => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a! * 40 + b!];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
};
const name = (cn: string): Buffer => seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))));
const utc = (d: Date): Buffer => tlv(0x17, Buffer.from(d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'));

/** `DNS:localhost` or `IP:127.0.0.1` / `IP:::1` → a GeneralName. */
const generalName = (entry: string): Buffer => {
  const [kind, value] = [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)];
  if (kind === 'DNS') return tlv(0x82, Buffer.from(value));
  const ip = value.includes(':')
    ? Buffer.from(value === '::1' ? [...Array(15).fill(0), 1] : [])
    : Buffer.from(value.split('.').map(Number));
  return tlv(0x87, ip);
};

/** A self-signed certificate (PEM) for `key`'s pair, with common name `cn` and the given alternative names. */
export function selfSignedCert(
  privateKey: KeyObject,
  publicKey: KeyObject,
  cn: string,
  altNames: string[] = [],
): string {
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const extensions = altNames.length
    ? [tlv(0xa3, seq(seq(oid('2.5.29.17'), tlv(0x04, seq(...altNames.map(generalName))))))]
    : [];
  const now = Date.now();
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, Buffer.from([0x01, 0x23, 0x45])),
    ecdsaSha256,
    name(cn),
    seq(utc(new Date(now - 86_400_000)), utc(new Date(now + 365 * 86_400_000))),
    name(cn),
    spki,
    ...extensions,
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, ecdsaSha256, tlv(0x03, Buffer.from([0]), signature));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** A fresh P-256 key pair: the private key as PKCS#8 PEM, and the key objects for `selfSignedCert`. */
export function freshPair(): { pem: string; privateKey: KeyObject; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), privateKey, publicKey };
}
