/**
 * A fixed IV or cipher nonce held in configuration (session 34, issue 11): a `.env` line `CARD_FIELD_IV=0f1e…`, a
 * YAML `frame_iv: "a5a5…"`, a Kubernetes env entry `- name: LEGACY_ACCOUNT_IV` / `value: "0000…"`. Whatever code reads
 * the setting encrypts every message under one key with the same IV (NIST SP 800-38A Appendix C asks for an
 * unpredictable IV per message in CBC and CFB; SP 800-38D §8 forbids repeating a GCM IV under one key).
 *
 * Read: a setting whose name says IV (catalogue `ivSettingName`) with a value that is bytes of an IV's size in hex or
 * base64 (`fixedIvText`). Not reported: a placeholder or a word (`random`, `${IV}`), a size (`iv_length: 16`), an IV
 * inside a test-vector record (a sibling `ct`, `tag`, `expected`: catalogue `vectorRecordField`), and an IV stored
 * beside its own ciphertext (session 35): a keystore's `cipherparams.iv` under a record with a `ciphertext`, an
 * envelope's `{ iv, data: "9f2c…" }` (catalogue `envelopeDataField` holding `encryptedBytesText`). That IV is one
 * value of one encryption, kept because decryption needs it; an `iv` in a settings block beside no ciphertext is
 * used for every encryption and stays reported.
 */
import {
  encryptedBytesText,
  envelopeDataField,
  fixedIvText,
  ivSettingName,
  vectorRecordField,
} from '../../../catalogue/randomness.js';
import { normaliseName } from '../../../detect/names.js';
import type { TemplateHit } from './hits.js';

/** Keyword prefilter: a file whose text names no IV or nonce gives no hit (case kept: `Iv` ends a camelCase word). */
export const IV_KEYWORDS = /(?:^|[^A-Za-z])(?:iv|IV|Iv)(?![a-z])|[a-z0-9]Iv(?![a-z])|nonce|NONCE|Nonce/;

/**
 * Whether a map's entries hold one encryption's ciphertext: a `ciphertext`/`ct` field (or another field of a
 * test-vector record, `tag`, `expected`), or an envelope field (`data`,
 * `encrypted`, `payload`) whose value is encoded bytes. An IV in that map, or in a parameter block of it
 * (`cipherparams.iv` beside `ciphertext`), is stored with its message, not reused.
 */
export const holdsCiphertext = (entries: readonly (readonly [string, unknown])[]): boolean =>
  entries.some(([k, v]) => {
    const n = normaliseName(k);
    if (vectorRecordField.pattern.test(n)) return true;
    return envelopeDataField.pattern.test(n) && typeof v === 'string' && encryptedBytesText.pattern.test(v.trim());
  });

/**
 * Whether a map key, normalised, can make `holdsCiphertext` true or `ivSettingHits` give a hit: both test these
 * names first, so a map none of whose keys passes this has neither (the JSON prefilter's quick path, config.ts).
 */
export const mayMarkIvMap = (normalised: string): boolean =>
  ivSettingName.pattern.test(normalised) ||
  vectorRecordField.pattern.test(normalised) ||
  envelopeDataField.pattern.test(normalised);

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
