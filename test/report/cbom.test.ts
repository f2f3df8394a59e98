/**
 * CycloneDX 1.6 CBOM, validated with @cyclonedx/cyclonedx-library's JsonStrictValidator (1.6), whose
 * optional peers (ajv 8, ajv-formats 3, ajv-formats-draft2019 1) are installed as devDependencies.
 */
import { describe, expect, it } from 'vitest';
import { cbomReporter, toCbom } from '../../src/report/cbom.js';
import { buildFixture, emptyResult, RULES } from './fixture.js';
import { validateCbom } from './validators.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk parsed JSON freely
type Json = Record<string, any>;

const validator = { validate: validateCbom };

describe('cbom report', () => {
  const { result } = buildFixture();
  const text = cbomReporter.render(result, RULES);
  const bom = JSON.parse(text) as Json;
  const byName = (name: string): Json => (bom.components as Json[]).find((c) => c.name === name)!;

  it('validates as CycloneDX 1.6 (and the validator does reject a broken component)', async () => {
    expect(await validator.validate(text)).toBeNull();
    expect(await validator.validate(cbomReporter.render(emptyResult(), RULES))).toBeNull();
    const broken = {
      ...bom,
      components: [
        {
          ...bom.components[0],
          cryptoProperties: { assetType: 'algorithm', algorithmProperties: { primitive: 'rot13' } },
        },
      ],
    };
    expect(await validator.validate(JSON.stringify(broken))).not.toBeNull();
  });

  it('has one cryptographic-asset component per inventory row, with a stable bom-ref', () => {
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bom.components).toHaveLength(result.inventory.length);
    for (const c of bom.components as Json[]) expect(c.type).toBe('cryptographic-asset');
    expect(new Set((bom.components as Json[]).map((c) => c['bom-ref'])).size).toBe(result.inventory.length);
    // Deterministic: the same result gives the same BOM.
    expect(cbomReporter.render(result, RULES)).toBe(text);
    expect(bom.metadata.tools.components[0]).toEqual({ type: 'application', name: 'keyhygiene', version: '0.1.0' });
  });

  it('describes algorithms with primitive, mode and key size', () => {
    expect(byName('aes-256-gcm').cryptoProperties).toEqual({
      assetType: 'algorithm',
      algorithmProperties: {
        primitive: 'ae',
        mode: 'gcm',
        parameterSetIdentifier: '256',
        executionEnvironment: 'software-plain-ram',
      },
    });
    expect(byName('aes-128-cbc').cryptoProperties.algorithmProperties).toMatchObject({
      primitive: 'block-cipher',
      mode: 'cbc',
      parameterSetIdentifier: '128',
    });
    expect(byName('HMAC-SHA256').cryptoProperties.algorithmProperties.primitive).toBe('mac');
  });

  it('describes keys and credentials as related crypto material, with source, rotation and deletion, and no value', () => {
    const key = byName('SESSION_KEY');
    expect(key.cryptoProperties).toEqual({
      assetType: 'related-crypto-material',
      relatedCryptoMaterialProperties: { type: 'secret-key', size: 256 },
    });
    expect(key.properties).toEqual([
      { name: 'keyhygiene:kind', value: 'key' },
      { name: 'keyhygiene:keySource', value: 'literal' },
      { name: 'keyhygiene:rotation', value: 'none' },
      { name: 'keyhygiene:deletion', value: 'none' },
      { name: 'keyhygiene:keySizeBits', value: '256' },
    ]);
    expect(key.evidence.occurrences).toEqual([{ location: 'src/config.ts', line: 3, additionalContext: 'column 14' }]);
    expect(byName('signing key (Ed25519)').cryptoProperties.relatedCryptoMaterialProperties.type).toBe('private-key');
    expect(byName('AWS access key').cryptoProperties.relatedCryptoMaterialProperties.type).toBe('credential');
    expect(byName('TLS server certificate').cryptoProperties.assetType).toBe('certificate');
    for (const c of bom.components as Json[])
      expect(c.cryptoProperties.relatedCryptoMaterialProperties?.value).toBeUndefined();
  });

  it('maps an unknown mode to "other" and keeps the original in properties', () => {
    const r = {
      ...emptyResult(),
      inventory: [
        {
          kind: 'algorithm' as const,
          name: 'chacha20-poly1305',
          primitive: 'ae' as const,
          mode: 'poly1305',
          locations: [],
        },
      ],
    };
    const c = (toCbom(r).components as Json[])[0]!;
    expect(c.cryptoProperties.algorithmProperties.mode).toBe('other');
    expect(c.properties).toContainEqual({ name: 'keyhygiene:mode', value: 'poly1305' });
  });
});
