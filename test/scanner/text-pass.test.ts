/**
 * The audit's text-file pass (issue 12): key and credential files, lock files, local-development compose
 * files, kubeconfig and Docker auths, markup, binary keystores by structure, and published examples.
 * Every secret-shaped value here is FAKE.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jsonScalars, scanKeystoreFile, scanTextFile, textKindOf } from '../../src/scanner/detect/text.js';

const findings = (rel: string, text: string) => scanTextFile(rel, text).findings;
const summary = (rel: string, text: string) =>
  findings(rel, text).map((f) => ({ line: f.location.line, severity: f.severity, formatId: f.secret?.formatId }));

describe('key and credential files', () => {
  it('reports a one-line raw secret in a *.key file and in id_ed25519, not a placeholder or a public key', () => {
    expect(summary('certs/api.key', 'q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP\n')).toEqual([
      { line: 1, severity: 'critical', formatId: undefined },
    ]);
    expect(summary('home/.ssh/id_ed25519', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUfAkEq9Zt7sK2mN4pL8vR6')).toHaveLength(1);
    expect(findings('certs/api.key', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n')).toEqual([]);
    expect(
      findings('certs/api.key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFake u@h\n'),
    ).toEqual([]);
    expect(findings('home/.ssh/id_ed25519.pub', 'q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP')).toEqual([]);
  });

  it('reports a PEM private key whose random body happens to hold `todo` or `/xxx`', () => {
    // About one generated 3072-bit key in 200 does; such a key was once taken for a placeholder.
    const pem = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const lines = pem.split('\n');
    lines[2] = `${lines[2]!.slice(0, 20)}Todo/xxxK${lines[2]!.slice(29)}`;
    expect(lines[2]).toHaveLength(64);
    expect(summary('certs/server.key', lines.join('\n'))).toEqual([
      { line: 1, severity: 'critical', formatId: 'private-key-block' },
    ]);
  });

  it('reads .netrc passwords, .pypirc and .git-credentials', () => {
    expect(summary('.netrc', 'machine api.fake.test\n  login deploy\n  password Hq7Lp2xR9!\n')).toEqual([
      { line: 3, severity: 'high', formatId: undefined },
    ]);
    expect(findings('.netrc', 'machine api.fake.test login deploy password changeme\n')).toEqual([]);
    expect(summary('.pypirc', '[pypi]\nusername = __token__\npassword = Zr4kP8wQx2!a\n')).toEqual([
      { line: 3, severity: 'high', formatId: undefined },
    ]);
    expect(summary('.git-credentials', 'https://deploy:Lq9vX2p7Zr4k@git.fake.test\n')).toEqual([
      { line: 1, severity: 'high', formatId: 'url-password' },
    ]);
  });

  it('reads a kubeconfig user token and client key, and Docker config.json auths', () => {
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'users:',
      '  - name: ci',
      '    user:',
      '      token: q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP',
      '  - name: dev',
      '    user:',
      '      token: <your-token>',
    ].join('\n');
    expect(summary('kube/config.yaml', kubeconfig)).toEqual([{ line: 6, severity: 'critical', formatId: undefined }]);
    // base64 of `ci-bot:Zr4kP8wQx2Lq9` and of `user:password`
    const docker =
      '{ "auths": { "registry.fake.test": { "auth": "Y2ktYm90OlpyNGtQOHdReDJMcTk=" }, "r2.fake.test": { "auth": "dXNlcjpwYXNzd29yZA==" } } }';
    expect(summary('.docker/config.json', docker)).toEqual([{ line: 1, severity: 'high', formatId: undefined }]);
  });
});

describe('policy: lock files, versions, local-development compose files', () => {
  it('never reports a version or a package name in a lock file, but still reports a token in a resolved URL', () => {
    const pnpm =
      "packages:\n  '@inquirer/password@5.0.10':\n    resolution: {integrity: sha512-q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4nP==}\n    dependencies:\n      '@inquirer/password': 5.0.10(@types/node@22.0.0)\n";
    expect(findings('pnpm-lock.yaml', pnpm)).toEqual([]);
    expect(
      findings('yarn.lock', '"homedir-polyfill@npm:^1.0.1":\n  dependencies:\n    parse-passwd: "npm:^1.0.0"\n'),
    ).toEqual([]);
    const lock =
      '{ "packages": { "node_modules/x": { "resolved": "git+https://0fa4e0000fa4e0000fa4e0000fa4e0000fa4e000:x-oauth-basic@github.com/acme/x.git" } } }';
    expect(summary('package-lock.json', lock)).toEqual([{ line: 1, severity: 'high', formatId: 'url-password' }]);
  });

  it('withholds well-known throwaway passwords in a compose file (low, with the reason), not a generated secret', () => {
    const compose = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: postgres',
      '  mysql:',
      '    environment:',
      '      - MYSQL_ROOT_PASSWORD=root',
      '  api:',
      '    environment:',
      '      API_SECRET: q9Zt7sK2mN4pL8vR6xW1yB5c',
    ].join('\n');
    const got = findings('docker-compose.yml', compose);
    expect(got.map((f) => [f.location.line, f.severity, f.fixture])).toEqual([
      [5, 'low', 'test-fixture'],
      [8, 'low', 'test-fixture'],
      [11, 'high', undefined],
    ]);
    expect(got[0]!.message).toMatch(
      /Withheld as a test fixture: a well-known throwaway password or placeholder word in a local-development compose/,
    );
    // The same value outside a compose file keeps its severity.
    expect(summary('deploy/values.yaml', 'environment:\n  POSTGRES_PASSWORD: postgres\n')[0]?.severity).toBe('high');
  });
});

describe('markup, keystores and published examples', () => {
  it('decodes character references in markup before looking for formats', () => {
    const xml = '<add key="Storage" value="postgres://app:Qx7vR2mK9p&amp;s@db.fake.test/app" />\n';
    expect(summary('web.config', xml)).toEqual([{ line: 1, severity: 'high', formatId: 'connection-string-password' }]);
  });

  it('reports a binary keystore only when it is one by structure (PKCS#12, JKS), not an empty or random file', () => {
    const body = Uint8Array.from({ length: 60 }, (_, i) => (i * 37) & 0xff);
    const pfx = Uint8Array.from([0x30, 0x81, 63, 0x02, 0x01, 0x03, ...body]);
    expect(scanKeystoreFile('certs/client.p12', pfx).findings).toHaveLength(1);
    expect(scanKeystoreFile('certs/client.p12', new Uint8Array(0)).findings).toEqual([]);
    expect(scanKeystoreFile('certs/client.p12', pfx.slice(0, 40)).findings).toEqual([]); // truncated
    expect(scanKeystoreFile('certs/client.p12', body).findings).toEqual([]); // random
    const jks = Uint8Array.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, ...body]);
    expect(scanKeystoreFile('android/release.keystore', jks).findings).toHaveLength(1);
  });

  it('reports published example credentials at low severity, as what they are', () => {
    const got = findings('docs/aws.md', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n');
    expect(got.map((f) => [f.severity, f.secret?.formatId])).toEqual([['low', 'published-example']]);
    expect(got[0]!.message).toMatch(/AWS documented example access key id.*not a leak/);
    expect(got[0]!.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('Google app passwords and mnemonics (issue 12, session 19)', () => {
  it('reports an app password under an app-password or Gmail name in .env, YAML, JSON and properties files', () => {
    expect(
      summary('config/.env.production', 'GMAIL_USER=a@gmail.com\nGMAIL_APP_PASSWORD=zpqr wvtk mhxe jyud\n'),
    ).toEqual([{ line: 2, severity: 'high', formatId: 'google-app-password' }]);
    const yml = 'smtp:\n  host: smtp.gmail.com\n  app_password: tkvm qzrw hpxn blcj\n';
    expect(summary('config/app.yml', yml)).toEqual([{ line: 3, severity: 'high', formatId: 'google-app-password' }]);
    const json = '{ "smtp": { "appPassword": "hvtqpwmzkcxdrbal" } }';
    expect(summary('config/settings.json', json)).toEqual([
      { line: 1, severity: 'high', formatId: 'google-app-password' },
    ]);
    expect(summary('mail.properties', 'gmail.app-password=wkzp qmhr tvbx jlcn\n')).toHaveLength(1);
  });

  it('does not report an empty or placeholder app password, nor prose about one', () => {
    expect(findings('config/.env.example', 'GMAIL_APP_PASSWORD=\nGMAIL_APP_PASSWORD=abcd efgh ijkl mnop\n')).toEqual(
      [],
    );
    const readme =
      'Create a Google app password and put the 16 letters in `GMAIL_APP_PASSWORD`.\n' +
      'The app password looks like `xxxx xxxx xxxx xxxx`.\nPick a passphrase such as correct horse battery staple.\n';
    expect(findings('README.md', readme)).toEqual([]);
  });

  it('reports a mnemonic under a mnemonic or seed-phrase name, not twelve words elsewhere', () => {
    const env = 'MNEMONIC=lunar orbit cactus velvet ginger planet harbor shadow copper meadow random silent\n';
    expect(summary('chain/.env', env)).toEqual([{ line: 1, severity: 'critical', formatId: 'bip39-mnemonic' }]);
    const prose = 'The seed phrase of the deploy wallet lives in the vault, never in this repository.\n';
    expect(findings('docs/wallet.md', prose)).toEqual([]);
    const words = 'tagline: ripple garden copper hover valley slogan brisk tunnel oyster maple glide orbit\n';
    expect(findings('site/copy.yml', words)).toEqual([]);
  });
});

describe('the JSON reader', () => {
  it('yields every string value with its key path and offset, through comments and escapes', () => {
    const text = '// c\n{ "a": { "password": "p\\"w" }, "list": ["x", { "k": "v" }], "n": 1 /* d */ }';
    expect(jsonScalars(text)).toEqual([
      { path: ['a', 'password'], value: 'p"w', offset: text.indexOf('p\\"w') },
      { path: ['list'], value: 'x', offset: text.indexOf('"x"') + 1 },
      { path: ['list', 'k'], value: 'v', offset: text.indexOf('"v"') + 1 },
    ]);
    expect(jsonScalars('{ "a": ')).toBeUndefined();
    expect(jsonScalars('{ "a": "b" }}')).toBeUndefined();
  });

  it('sorts files into kinds', () => {
    expect(textKindOf('a/pnpm-lock.yaml')).toBe('lock');
    expect(textKindOf('a/server.key')).toBe('keyfile');
    expect(textKindOf('.netrc')).toBe('netrc');
    expect(textKindOf('infra/terraform.tfstate')).toBe('json');
    expect(textKindOf('docs/readme.adoc')).toBe('text');
  });
});

// A build inlined into a page is one machine-written line: its expressions take the `password: value` shape by the
// hundred. The name-judged format is not read on such a line; a provider's self-evident format still is, and the
// same `password:` pair on a human-written line stays reported.
describe('machine-written lines', () => {
  const minified = `${'function a(e){return e.b?e.c:null};'.repeat(60)}n.password:t?.value||null,pass:e.id;`;
  it('does not read a password setting into a minified script line of an HTML page', () => {
    expect(findings('www/index.html', `<html><script>${minified}</script></html>\n`)).toEqual([]);
  });
  it('still reports a provider credential on that line, and a password on a line a person wrote', () => {
    // Built at run time so that this file does not itself hold a credential-shaped literal.
    const aws = `${minified}var k="${['AKIA', 'Q2XZ7YV4', 'NWR6LT3B'].join('')}";`;
    const onLong = findings('www/index.html', `<script>${aws}</script>\n`);
    expect(onLong.map((f) => f.secret?.formatId)).toEqual(['aws-access-key-id']);
    const env = findings('deploy/.env', 'DB_HOST=db.internal\nDB_PASSWORD=Hq7Lp2xR9zW4\n');
    expect(env.map((f) => f.location.line)).toEqual([2]);
    const shortLine = findings(
      'www/login.html',
      '<script>\nvar cfg = { pass: e.id, password: Hq7Lp2xR9zW4 };\n</script>\n',
    );
    expect(shortLine.map((f) => [f.secret?.formatId, f.location.line])).toEqual([['password-assignment', 2]]);
  });
});
