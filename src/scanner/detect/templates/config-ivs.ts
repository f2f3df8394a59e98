/**
 * A fixed IV or cipher nonce held in configuration (session 34, issue 11): a `.env` line `CARD_FIELD_IV=0f1e…`, a
 * YAML `frame_iv: "a5a5…"`, a Kubernetes env entry `- name: LEGACY_ACCOUNT_IV` / `value: "0000…"`. Whatever code reads
 * the setting encrypts every message under one key with the same IV (NIST SP 800-38A Appendix C asks for an
 * unpredictable IV per message in CBC and CFB; SP 800-38D §8 forbids repeating a GCM IV under one key).
 *
 * Read: a setting whose name says IV (catalogue `ivSettingName`) with a value that is bytes of an IV's size in hex or
 * base64 (`fixedIvText`). Not reported: a placeholder or a word (`random`, `${IV}`), a size (`iv_length: 16`), an IV
 * inside a test-vector record (a sibling `ct`, `tag`, `expected`: catalogue `vectorRecordField`).
 */
import { fixedIvText, ivSettingName, vectorRecordField } from '../../../catalogue/randomness.js';
import { normaliseName } from '../../../detect/names.js';
import type { TemplateHit } from './hits.js';

/** Keyword prefilter: a file whose text names no IV or nonce gives no hit (case kept: `Iv` ends a camelCase word). */
export const IV_KEYWORDS = /(?:^|[^A-Za-z])(?:iv|IV|Iv)(?![a-z])|[a-z0-9]Iv(?![a-z])|nonce|NONCE|Nonce/;

/** Whether the normalised names of a map's keys say it is a test-vector record. */
export const isVectorRecord = (keys: readonly string[]): boolean =>
  keys.some((k) => vectorRecordField.pattern.test(normaliseName(k)));

/** The hit of one setting, named `name` as written, whose value starts at offset `at`; or none. */
export function ivSettingHits(name: string, value: unknown, at: number): TemplateHit[] {
  if (typeof value !== 'string') return [];
  const n = normaliseName(name);
  const str = value.trim();
  if (!ivSettingName.pattern.test(n) || !fixedIvText.pattern.test(str)) return [];
  const hex = /^(?:0x)?[0-9a-fA-F]+$/.test(str);
  const bytes = hex ? str.replace(/^0x/, '').length / 2 : (str.replace(/=+$/, '').length * 3) >> 2;
  return [
    {
      ruleId: 'keyhygiene/config-static-iv',
      offset: at,
      match: `${name}=${bytes}-byte`,
      message:
        `'${name}' holds a fixed ${bytes}-byte IV: every message encrypted with it under one key gets the same IV, ` +
        'which shows equal messages and shared prefixes and, with GCM or ChaCha20-Poly1305, lets an attacker forge ' +
        'messages. Make a fresh random IV for each message in code and store it beside the ciphertext.',
    },
  ];
}
