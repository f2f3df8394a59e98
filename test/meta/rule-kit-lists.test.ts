/**
 * STYLE: "One shared catalogue, as data, read by both the rules and the scanner. Detection knowledge lives nowhere
 * else." A module-level name list or name regex in src/rule-kit (`const NAMES = new Set([…])`, `= […]`, `= /…/`,
 * `= new RegExp(…)`, `= new Map([…])`) is detection knowledge in the wrong place unless this allowlist says why it
 * stays. A new one fails this test: put it in src/catalogue with samples (test/catalogue/code-lists.test.ts).
 * An allowlisted constant that is gone fails too, so the list shrinks as the move goes on (session 35 began it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const kit = path.join(root, 'src/rule-kit');

/** A module-level constant in SCREAMING_CASE whose value is a set, a map, an array or a regex literal. */
const LIST_CONSTANT =
  /^(?:export )?const ([A-Z][A-Z0-9_]*)\b[^=\n]*=\s*(?:new Set\(|new Map\(\[|new RegExp\(|\[|\/(?![/*]))/gm;

/** `file: constants` (file relative to src/rule-kit). Every entry says why it is not catalogue data. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // Syntax, not detection knowledge: operators, shell separators, value kinds, format placeholders.
  'numbers.ts': ['ARITHMETIC'],
  'shell-removals.ts': ['SEPARATORS'],
  'identity-handles.ts': ['COMPARISONS'],
  'constant-values.ts': ['CONSTANT_KINDS'],
  // Module resolution and project layout: import specifiers, extensions, folders a listing does not walk.
  'module-files.ts': ['SUFFIXES'],
  'module-importers.ts': ['SKIP_DIRS', 'CODE_FILE'],
  'helper-callers.ts': ['SPECIFIER', 'REEXPORT'],
  'flow/taint/foreign.ts': ['REEXPORT', 'REEXPORT_FROM'],
  // Derived from catalogue data (keyHandleTypes, keyBytesTypes, byteFreeTypes): no list of its own.
  'non-byte-holders.ts': ['HANDLE_TYPES', 'BYTE_CLASSES'],
  // Files other helpers changed in session 35 (their lists move in a later session).
  'data-ivs.ts': ['CUTS', 'CONVERSIONS'],
  'filled-buffers.ts': ['WRITES_RECEIVER', 'RANDOM_FILLER'],
  'format-labels.ts': ['PLACEHOLDER'],
  'iv-findings.ts': ['NUMERIC_WRITE', 'CONVERSION', 'CONSTANT_KINDS', 'KEY_ROLE'],
  'kdf-input.ts': ['USER_INPUT'],
  'kdf-named-limits.ts': ['COMPARISONS', 'READS_EXISTING'],
  'kdf-options.ts': ['PASSWORD_HASH_CALL'],
  'kdf-purpose.ts': ['COMPARE_CALLS', 'STORAGE_NAME', 'KEY_NAME'],
  'kdf-suggestions.ts': ['NODE_CRYPTO'],
  'keyring-periods.ts': ['KEYRING_CLASS', 'KEYRING_ONLY', 'CURRENT_KEY', 'USES_KEY', 'PERIOD_NAME'],
  'leaks.ts': [
    ...['I18N_KEY', 'GENERIC', 'FLAG_NAME', 'LOCATOR_WORDS', 'SAFE_CALL', 'PARTIAL_VIEW_LABEL', 'BYTE_VIEWS'],
    ...['WRAPPED_RECORD', 'VERDICT'],
  ],
  'log-wrappers.ts': ['MENTIONS_SINK', 'WHOLE_TEXT', 'KEEPS_ELEMENTS', 'MAPS'],
  'mask-replace.ts': ['MASK_TEXT', 'EACH', 'RUN'],
  'member-evidence.ts': [
    ...['VERB_MEMBER', 'MASKED_AFTER', 'BOOLEAN_AFTER', 'BOOLEAN_BEFORE', 'REDACTED_BEFORE', 'ERROR_TEXT_MEMBER'],
    ...['WRITE_AFTER', 'HASHED_AFTER', 'ASSIGNED_AFTER', 'HASH_CHECK_BEFORE', 'CREDENTIAL_BEFORE', 'SUBJECT'],
    ...['SCHEME_TEMPLATE_BEFORE', 'SCHEME_SUM_BEFORE', 'TEMPLATE_VALUE_ENDS', 'SUM_VALUE_ENDS'],
  ],
  'password-key-helpers.ts': ['KEY_MEMBER'],
  'random-purposes.ts': [
    ...['IV_LIKE', 'LINK_PARAMETER', 'COOKIE_PAIR', 'LINK_SEGMENT', 'HTTP_METHOD_HANDLER', 'STEP_STATE'],
    ...['BYTE_BUILDERS', 'MAKER_SUFFIX'],
  ],
  'signed-nonces.ts': ['NONCE_NAME', 'MAC_DATA_FIRST', 'TEXT_CALLS'],
  // Not in session 35's scope: detection knowledge still to move (method, class and path names).
  'files.ts': [
    ...['CAMEL_TEST_UTIL', 'TEST_PATH', 'TEST_SUITE_PATH', 'EXAMPLE_APP_PATH', 'EXAMPLE_PATH', 'DOC_FILE'],
    'TEMPLATE_FILE',
  ],
  'flow/engine.ts': ['PREPOSITIONS'],
  'flow/roles.ts': ['SAME_BYTES', 'ENCODERS', 'BYTE_VIEWS'],
  'flow/taint/tracker.ts': ['STATE_WRITES', 'SHIFTS', 'ARRAY_READERS', 'STATE_OPERATORS', 'MIXING_OPERATORS'],
  'key-collections.ts': ['STORES'],
  'moved-values.ts': ['STORE_METHODS'],
  'random-fixes.ts': ['STRING_METHODS'],
  'repeated-ivs.ts': ['ROLES'],
  'sinks.ts': ['PACKAGE_URL'],
  'slot-names.ts': ['ITEM_METHODS'],
};

/** Every `file: CONSTANT` list constant in src/rule-kit, file relative to it with `/` separators. */
function listConstants(): string[] {
  const out: string[] = [];
  const files = readdirSync(kit, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  for (const f of files.sort()) {
    const text = readFileSync(path.join(kit, f), 'utf8');
    for (const m of text.matchAll(LIST_CONSTANT)) out.push(`${f.split(path.sep).join('/')}: ${m[1]}`);
  }
  return out;
}

describe('detection knowledge lives in src/catalogue (STYLE)', () => {
  const found = listConstants();
  const allowed = Object.entries(ALLOWED).flatMap(([f, names]) => names.map((n) => `${f}: ${n}`));

  it('finds the list constants it is meant to find', () => {
    expect(found).toContain('numbers.ts: ARITHMETIC');
    expect(found).toContain('files.ts: TEST_PATH');
  });
  it('has no name list or name regex in src/rule-kit outside the allowlist', () => {
    expect(found.filter((c) => !allowed.includes(c))).toEqual([]);
  });
  it('has no allowlist entry whose constant is gone (shrink the list as lists move)', () => {
    expect(allowed.filter((c) => !found.includes(c))).toEqual([]);
  });
});
