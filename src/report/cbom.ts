/**
 * The `cbom` report: a CycloneDX 1.6 cryptography bill of materials built from `result.inventory`.
 * Each inventory row becomes one component of type `cryptographic-asset`:
 * - algorithms → `assetType: 'algorithm'` with `algorithmProperties` (primitive, mode, key size as
 *   `parameterSetIdentifier`);
 * - keys and credentials → `assetType: 'related-crypto-material'` (secret-key, private-key, credential)
 *   with their size; the material itself (`value`) is never written;
 * - certificates → `assetType: 'certificate'`.
 * Where a key lives, how it rotates and how it is deleted go in `properties` (`keyhygiene:*`), and
 * every place it was found in `evidence.occurrences`.
 *
 * Built as plain JSON because the CycloneDX library's model has no `cryptoProperties`; the output is
 * validated with its JsonStrictValidator (1.6) in test/report/cbom.test.ts.
 */
import { basename } from 'node:path';
import { hashText } from '../detect/index.js';
import { normaliseResult } from './json.js';
import type { AuditResult, InventoryItem, Reporter } from './types.js';

type Json = Record<string, unknown>;

const MODES = new Set(['cbc', 'ecb', 'ccm', 'gcm', 'cfb', 'ofb', 'ctr']);

/** A deterministic RFC 4122 (version 4 layout) serial from the result, so equal scans give equal BOMs. */
function serialNumber(result: AuditResult): string {
  const h = hashText(`${result.root}\u0000${result.startedAt}\u0000${result.inventory.length}`);
  const variant = ((parseInt(h[16] ?? '8', 16) & 0x3) | 0x8).toString(16);
  return (
    `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}` +
    `-${h.slice(20, 32)}`
  );
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  );
}

function materialType(item: InventoryItem): string {
  if (item.kind === 'credential')
    return /token/i.test(item.name) ? 'token' : /password/i.test(item.name) ? 'password' : 'credential';
  // Asymmetric primitives hold a private key; everything else here is a shared secret key.
  if (
    item.primitive === 'signature' ||
    item.primitive === 'pke' ||
    item.primitive === 'key-agree' ||
    /private/i.test(item.name)
  )
    return 'private-key';
  return 'secret-key';
}

function cryptoProperties(item: InventoryItem): Json {
  if (item.kind === 'algorithm') {
    const alg: Json = { primitive: item.primitive ?? 'unknown' };
    if (item.mode !== undefined) alg.mode = MODES.has(item.mode.toLowerCase()) ? item.mode.toLowerCase() : 'other';
    if (item.keySizeBits !== undefined) alg.parameterSetIdentifier = String(item.keySizeBits);
    alg.executionEnvironment = 'software-plain-ram';
    return { assetType: 'algorithm', algorithmProperties: alg };
  }
  if (item.kind === 'certificate') return { assetType: 'certificate', certificateProperties: {} };
  const rcm: Json = { type: materialType(item) };
  if (item.keySizeBits !== undefined) rcm.size = item.keySizeBits;
  if (item.deletion === 'destroyed') rcm.state = 'destroyed';
  return { assetType: 'related-crypto-material', relatedCryptoMaterialProperties: rcm };
}

function component(item: InventoryItem, ref: string): Json {
  const props: { name: string; value: string }[] = [{ name: 'keyhygiene:kind', value: item.kind }];
  if (item.keySource !== undefined) props.push({ name: 'keyhygiene:keySource', value: item.keySource });
  if (item.rotation !== undefined) props.push({ name: 'keyhygiene:rotation', value: item.rotation });
  if (item.deletion !== undefined) props.push({ name: 'keyhygiene:deletion', value: item.deletion });
  if (item.keySizeBits !== undefined) props.push({ name: 'keyhygiene:keySizeBits', value: String(item.keySizeBits) });
  if (item.mode !== undefined) props.push({ name: 'keyhygiene:mode', value: item.mode });
  const c: Json = {
    type: 'cryptographic-asset',
    'bom-ref': ref,
    name: item.name,
    cryptoProperties: cryptoProperties(item),
    properties: props,
  };
  if (item.locations.length > 0) {
    // CycloneDX's `offset` is not defined as a column, so the column goes in `additionalContext`.
    c.evidence = {
      occurrences: item.locations.map((l) => ({
        location: l.file,
        line: l.line,
        additionalContext: `column ${l.column}`,
      })),
    };
  }
  return c;
}

export function toCbom(result: AuditResult): Json {
  const { inventory } = normaliseResult(result);
  const used = new Map<string, number>();
  const components = inventory.map((item) => {
    const base = `crypto/${item.kind}/${slug(item.name)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return component(item, n === 1 ? base : `${base}#${n}`);
  });
  const rootName = basename(result.root) || 'repository';
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: serialNumber(result),
    version: 1,
    metadata: {
      timestamp: Number.isNaN(Date.parse(result.startedAt))
        ? new Date().toISOString()
        : new Date(result.startedAt).toISOString(),
      tools: { components: [{ type: 'application', name: result.tool.name, version: result.tool.version }] },
      component: { type: 'application', 'bom-ref': 'scanned-root', name: rootName },
      properties: [
        { name: 'keyhygiene:partial', value: String(result.partial) },
        { name: 'keyhygiene:filesScanned', value: String(result.stats.files) },
      ],
    },
    components,
  };
}

export const cbomReporter: Reporter = {
  name: 'cbom',
  render(result) {
    return `${JSON.stringify(toCbom(result), null, 2)}\n`;
  },
};
