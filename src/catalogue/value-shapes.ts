/**
 * Shapes of values (not of names) that the rules read as possible secrets: a random UUID where an API wants a token,
 * hex text where it wants key bytes, a long base64 or hex run. `test/catalogue/code-lists.test.ts` proves each
 * entry's samples. Moved here from src/rule-kit (session 35).
 */
import type { TextPattern } from './types.js';

/**
 * A random UUID (version 1-8 with its variant bits, RFC 9562 §4): a server token some providers issue in this shape
 * (Postmark). Read where a client's token slot holds it (rule-kit client-credentials.ts, which also rejects a UUID
 * of one repeated digit).
 */
export const randomUuid: TextPattern = {
  id: 'random-uuid',
  title: 'A UUID of versions 1 to 8 with the RFC variant',
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
  samples: {
    positive: ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', '3F2504E0-4F89-11D3-AA0C-0305E82C3301'],
    negative: [
      '00000000-0000-0000-0000-000000000000',
      '3f2504e0-4f89-01d3-9a0c-0305e82c3301',
      '3f2504e0-4f89-41d3-7a0c-0305e82c3301',
      '3f2504e04f8941d39a0c0305e82c3301',
    ],
  },
};

/** Hex text an API reads as key bytes (noble's curves take `'0x…'` or bare hex private keys): 32 digits or more. */
export const hexKeyText: TextPattern = {
  id: 'hex-key-text',
  title: 'Hex text of 16 bytes or more, with or without 0x',
  pattern: /^(?:0x)?[0-9a-f]{32,}$/i,
  samples: {
    positive: ['0123456789abcdef0123456789abcdef', '0x0123456789ABCDEF0123456789ABCDEF01'],
    negative: ['deadbeef', '0x1234', 'not hex at all, not hex at all, ok', '0123456789abcdef0123456789abcdeg'],
  },
};

/** A run of 32 or more base64 or hex characters, or a PEM armour line: text that may be key material. */
export const keylikeText: TextPattern = {
  id: 'keylike-text',
  title: 'A PEM armour line or a run of 32 base64 or hex characters',
  pattern: /-----BEGIN|[A-Za-z0-9+/_-]{32,}/,
  samples: {
    positive: ['-----BEGIN PRIVATE KEY-----', 'key=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123'],
    negative: ['hello world', 'config/settings.json', 'user-name_field', 'BEGIN PRIVATE KEY'],
  },
};

/**
 * A Windows registry path (`HKEY_CURRENT_USER\SOFTWARE\Classes\…`, `HKLM\SYSTEM\…`): a "key" in the registry's sense,
 * a location, never key material. Read by the classifier as a benign shape under a secret name (session 39: a
 * `regKey` built for `reg.exe` was taken for a hardcoded key).
 */
export const registryPath: TextPattern = {
  id: 'registry-path',
  title: 'A Windows registry path under one of its root keys',
  pattern: new RegExp(
    String.raw`^(?:HKEY_(?:LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG)|HK(?:LM|CU|CR|CC|U))` +
      String.raw`(?:\\+[^\\\r\n]+)+\\*$`,
  ),
  samples: {
    positive: [
      'HKEY_CURRENT_USER\\SOFTWARE\\Classes\\AppUserModelId\\com.example.mail',
      'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
      'HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\Vendor\\\\',
    ],
    negative: ['HKEY_CURRENT_USER', 'HKDF-SHA256', 'hkcu\\software', 'HKLMx9Qe7Lw2Rt8Yb4Nc6Vd1Sf3Gh5Jk0'],
  },
};

/**
 * A JSON Pointer into the same document, in a URI fragment (RFC 6901 §6): OpenAPI and JSON Schema write `$ref` and
 * discriminator `mapping` values this way (`password: '#/components/schemas/PasswordField'`). It names a schema, not
 * a secret; base64 has no `#`, and no issued key starts with `#/`.
 */
export const jsonPointer: TextPattern = {
  id: 'json-pointer',
  title: 'A JSON Pointer fragment into the same document',
  pattern: /^#\/[\w.~%-]+(?:\/[\w.~%-]+)*$/,
  samples: {
    positive: ['#/components/schemas/PasswordField', '#/definitions/secretKey', '#/defs/api-key~1v2'],
    negative: ['#Hq7Lp2xR9/z', '#/Hq7Lp2!xR9', 'components/schemas/PasswordField', '#/'],
  },
};

/**
 * A bare file name with a media, font or page extension (`1f1f5-1f1fc.png`, `logo@2x.webp`): an asset a table maps a
 * name to. Base64 and hex have no `.`, and no issued key ends in an image extension; read as a benign shape under a
 * secret name (session 39: an emoji table's `flag-pw` entry, `pw` the country code of Palau).
 */
export const assetFileName: TextPattern = {
  id: 'asset-file-name',
  title: 'A file name ending in an image, audio, video, font or page extension',
  pattern: new RegExp(
    String.raw`^[\w@+-]+(?:\.[\w@+-]+)*\.` +
      String.raw`(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|mp3|mp4|m4a|ogg|wav|webm|woff2?|ttf|otf|html?|css)$`,
    'i',
  ),
  samples: {
    positive: ['1f1f5-1f1fc.png', 'logo@2x.webp', 'alert.sound.mp3', 'Inter-Bold.woff2'],
    negative: ['hunter22', 'Zx9.Qe7Lw2Rt8Yb4', 'config.json', 'png', 'secret.png.key'],
  },
};

/**
 * A template expression that names a value kept elsewhere: a GitHub Actions `${{ secrets.AZURE_CLIENT_SECRET }}`, a
 * Helm or Jinja `{{ .Values.db.password }}`, a shell or compose `${DB_PASSWORD}`. A credential format that matches
 * the name inside it (`secrets.AZURE_TRUSTED_SIGNING_ENDPOINT` is 38 characters of a legacy Azure secret's alphabet)
 * has found a reference, not a value (session 39). Only a bare name path: a quoted literal inside the braces stays a
 * value.
 */
export const templateReference: TextPattern = {
  id: 'template-reference',
  title: 'A ${{ }}, {{ }} or ${ } expression that is only a dotted name',
  pattern: /^\$?\{\{-?\s*\.?[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*\s*-?\}\}$|^\$\{[A-Za-z_][\w.-]*\}$/,
  samples: {
    positive: ['${{ secrets.AZURE_TRUSTED_SIGNING_ENDPOINT }}', '{{ .Values.db.password }}', '${DB_PASSWORD}'],
    negative: ["${{ 'c2VjcmV0LXZhbHVlLWluLWJyYWNlcw' }}", '{{ password }} and more', 'secrets.AZURE_CLIENT_SECRET'],
  },
};

/**
 * A reference to a secret kept in the macOS keychain or the environment, in the syntax Apple's `altool` and
 * `notarytool` take for a password argument (`@keychain:AC_PASSWORD`, `@env:NOTARIZE_PASSWORD`): the tool reads the
 * value from there, so the committed text names where the password is, not what it is (session 41: a notarize
 * script's `appleIdPassword: '@keychain:AC_PASSWORD'`). Base64 has no `@` or `:`.
 */
export const secretStoreReference: TextPattern = {
  id: 'secret-store-reference',
  title: 'An @keychain: or @env: reference to a stored password',
  pattern: /^@(?:keychain|env):[A-Za-z_][\w.-]*$/,
  samples: {
    positive: ['@keychain:AC_PASSWORD', '@env:NOTARIZE_PASSWORD', '@keychain:notary.profile-2'],
    negative: ['keychain:AC_PASSWORD', '@keychain:', '@env:9x Qe7Lw2', 'user@env:Hq7Lp2xR9'],
  },
};
