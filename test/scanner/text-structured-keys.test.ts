/* eslint-disable keyhygiene/no-hardcoded-key -- every key below is fake, made up for these tests */
/**
 * secret-in-file (issue 11, session 36, branch hc20): what a JSON or YAML document's structure says of its values.
 * - A private JWK written as data (a `.jwk.json` file, a `keys` set, a YAML map) is a private key: one finding at
 *   its first private member. A public JWK and a placeholder `d` are none.
 * - A `SealedSecret`'s `spec.encryptedData` is ciphertext (catalogue `sealedDocuments`); a plain `Secret` beside it
 *   is still read.
 * - A Kubernetes Secret's `.dockerconfigjson` is read as the Docker `config.json` it encodes: a registry `auth` of
 *   placeholder words is none, a real one is reported.
 * - A Firebase web config's `apiKey` in a JSON file and a Mapbox `pk.` token are public by design.
 * - Value shapes that fill no slot: `unused`, a password that only starts with `%`, `true/false`, a sudoers path.
 * Every value below is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string): number[] => scanTextFile(rel, text).findings.map((f) => f.location.line);
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

describe('private JWKs in data files', () => {
  it('reports the first private member of an EC, RSA and oct JWK in JSON and YAML', () => {
    const ec =
      '{\n  "kty": "EC",\n  "crv": "P-256",\n  "kid": "sig-2024",\n' +
      '  "x": "q3Vh8nZbY2mR5tK0wLp7Xc4JdS9eF1gA6oHu3iBvNk8",\n' +
      '  "y": "Tz6Wm1cQ8rE4yU0iO7pL2kJ5hG9fD3sA1xZnVbMq4Rw",\n' +
      '  "d": "Hm2Xk9Rv4TqL7wB1nZ5cY8pH3sG6fD0aE2uI9oKtMb4"\n}\n';
    expect(lines('config/signing.jwk.json', ec)).toEqual([7]);
    const set =
      '{"keys": [\n  {"kty": "RSA", "kid": "a", "n": "0vx7agoebGcQSuuPiLJXZptN", "e": "AQAB"},\n' +
      '  {"kty": "oct", "kid": "b", "k": "GawgguFyGrWKav7AX4VKUg7Qx2vR9tL4"}\n]}\n';
    expect(lines('keys/jwks.json', set)).toEqual([3]);
    const yaml =
      'signing:\n  jwk:\n    kty: OKP\n    crv: Ed25519\n    x: Fk3vQ9pL2mT7wR4zX8cN1bJ6hD0sY5gA3eU9iO2kMq7\n' +
      '    d: Zp4Lq8Vx2Nc7Tb1Rk9Hw3Jf6Gs0Dm5Ya8Ue2Io4Kt6\n';
    expect(lines('config/app.yaml', yaml)).toEqual([6]);
  });

  it('stays quiet on public JWKs, placeholder members and a JWK-like object without kty', () => {
    const pub =
      '{"keys": [{"kty": "EC", "crv": "P-256", "x": "q3Vh8nZbY2mR5tK0wLp7Xc4JdS9eF1gA6oHu3iBvNk8",' +
      ' "y": "Tz6Wm1cQ8rE4yU0iO7pL2kJ5hG9fD3sA1xZnVbMq4Rw"}]}\n';
    expect(lines('public/.well-known/jwks.json', pub)).toEqual([]);
    expect(lines('config/jwk.json', '{"kty": "EC", "crv": "P-256", "d": "<private-scalar>"}\n')).toEqual([]);
    expect(lines('config/point.json', '{"x": "12", "d": "Hm2Xk9Rv4TqL7wB1nZ5cY8pH3sG6fD0aE2uI9oKtMb4"}\n')).toEqual([]);
  });
});

describe('sealed and encoded Kubernetes values', () => {
  const sealed = (kind: string): string =>
    'apiVersion: bitnami.com/v1alpha1\n' +
    `kind: ${kind}\n` +
    'metadata:\n  name: payouts\nspec:\n  encryptedData:\n' +
    `    STRIPE_SECRET_KEY: AgBy3i4OJSWK${'Qm2vT7pR4cZ1wL8sB3yH6jF0dA5gN2nX7vQ9kM4pT1rL3sW8cB6yH0jF5dAx9'.repeat(2)}\n`;

  it('stays quiet on a SealedSecret and reads the same map in another kind', () => {
    expect(lines('k8s/sealed.yaml', sealed('SealedSecret'))).toEqual([]);
    expect(lines('k8s/other.yaml', sealed('PayoutConfig'))).toEqual([7]);
  });

  it('reads a .dockerconfigjson as the config.json it encodes', () => {
    const manifest = (auth: string): string =>
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: pull\ntype: kubernetes.io/dockerconfigjson\ndata:\n' +
      `  .dockerconfigjson: ${b64(JSON.stringify({ auths: { 'ghcr.io': { auth: b64(auth) } } }))}\n`;
    expect(lines('k8s/pull.yaml', manifest('<github-user>:<github-token>'))).toEqual([]);
    expect(lines('k8s/pull.yaml', manifest('deploy-bot:Qx7vR2mK9pLw4Tz8'))).toEqual([7]);
  });
});

describe('public-by-design values in config files', () => {
  it('stays quiet on a Firebase web config in JSON and a Mapbox public token in .env', () => {
    const firebase =
      '{\n  "apiKey": "AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF",\n  "authDomain": "relay.firebaseapp.com",\n' +
      '  "projectId": "relay-push"\n}\n';
    expect(lines('config/firebase.web.json', firebase)).toEqual([]);
    const env =
      'MAPBOX_PUBLIC_TOKEN=pk.eyJ1IjoiZmFrZXVzZXIiLCJhIjoiY2Zha2UwMDAwMDAwIn0.FaKe0q9Zt7sK2mN4pL8vR6\n' +
      'MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiZmFrZXVzZXIiLCJhIjoiY2Zha2UwMDAwMDAwIn0.FaKe0q9Zt7sK2mN4pL8vR6\n';
    expect(lines('.env', env)).toEqual([2]);
  });

  it('still reports a Google key in JSON without the Firebase keys beside it', () => {
    expect(lines('config/maps.json', '{"apiKey": "AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF"}\n')).toEqual([1]);
  });

  it("counts the siblings of the key's own object only, not the key itself (session 37, speed21)", () => {
    const key = 'AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF';
    // Two Firebase keys beside it in its own object: public. One beside it, another in a nested object: reported.
    const yaml = `firebase:\n  apiKey: ${key}\n  projectId: relay-push\n  appId: "1:2:web:3"\n`;
    expect(lines('config/web.yaml', yaml)).toEqual([]);
    const nested =
      `{\n  "web": {\n    "apiKey": "${key}",\n    "projectId": "relay-push",\n` +
      `    "extra": { "authDomain": "relay.firebaseapp.com" }\n  }\n}\n`;
    expect(lines('config/web.json', nested)).toEqual([3]);
    // The same key under a second `apiKey` of a list item with its own siblings.
    const list =
      `[\n  { "apiKey": "${key}", "authDomain": "a.firebaseapp.com", "projectId": "a" },\n` +
      `  { "apiKey": "${key}", "projectId": "b" }\n]\n`;
    expect(lines('config/apps.json', list)).toEqual([3]);
  });
});

describe('value shapes that fill no slot', () => {
  it('stays quiet on unused, a flag choice, a sudoers path and a URN', () => {
    const workflow =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      KEY_ANDROID_PASSWORD: unused\n' +
      '      UPLOAD_PASSWORD: n/a\n    steps:\n      - run: ./gradlew bundleRelease\n';
    expect(lines('.github/workflows/release.yml', workflow)).toEqual([]);
    expect(lines('docs/api.md', 'Response shape:\n  {"password": true/false, "sso": []}\n')).toEqual([]);
    expect(lines('docker/etc/sudoers', 'node ALL=(root) NOPASSWD: /usr/sbin/service\n')).toEqual([]);
    expect(
      lines('config/saml.yaml', 'authnContext:\n  password: urn:oasis:names:tc:SAML:2.0:ac:classes:Password\n'),
    ).toEqual([]);
  });

  it('reports a password that starts with % and one beside a %VAR% reference', () => {
    const yaml = 'database:\n  user: billing\n  password: "%8hg0gDg1iW9h17&vB"\n  replica_password: "%DB_PASS%"\n';
    expect(lines('config/production.yaml', yaml)).toEqual([3]);
  });
});
