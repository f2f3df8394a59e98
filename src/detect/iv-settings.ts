/**
 * Whether a map of settings holds one encryption's ciphertext (session 35, issue 11): a `ciphertext`/`ct` field (or
 * another field of a test-vector record, `tag`, `expected`: catalogue `vectorRecordField`), or an envelope field
 * (`data`, `encrypted`, `payload`: `envelopeDataField`) whose value is encoded bytes (`encryptedBytesText`). An IV in
 * that map, or in a parameter block of it (`cipherparams.iv` beside `ciphertext`), is stored with its message, not
 * reused. Read by the audit's `config-static-iv` over configuration files and by no-static-iv over settings in code.
 */
import { encryptedBytesText, envelopeDataField, vectorRecordField } from '../catalogue/randomness.js';
import { normaliseName } from './names.js';

export const holdsCiphertext = (entries: readonly (readonly [string, unknown])[]): boolean =>
  entries.some(([k, v]) => {
    const n = normaliseName(k);
    if (vectorRecordField.pattern.test(n)) return true;
    return envelopeDataField.pattern.test(n) && typeof v === 'string' && encryptedBytesText.pattern.test(v.trim());
  });

/** How many bytes a fixed IV's text holds (`fixedIvText`: hex, optionally `0x`-prefixed, or base64). */
export function ivTextBytes(text: string): number {
  const hex = /^(?:0x)?[0-9a-fA-F]+$/.test(text);
  return hex ? text.replace(/^0x/, '').length / 2 : (text.replace(/=+$/, '').length * 3) >> 2;
}
