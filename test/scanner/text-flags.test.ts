/* eslint-disable keyhygiene/no-hardcoded-key -- fake samples */
/**
 * The text pass: secrets given as command-line flags (workflow `run:` steps, compose `command:` lists, shell
 * scripts), Terraform variable defaults, `name`/`value` env pairs (Kubernetes, ECS), `<word> key` names, and
 * Google Maps/Firebase keys in client configuration (public by design). Every secret-shaped value here is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string) => scanTextFile(rel, text).findings.map((f) => f.location.line);

describe('secrets in command-line flags', () => {
  it('reports a token flag in a workflow step and a password after its flag in a compose command list', () => {
    const workflow =
      'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
      '      - run: npx netlify deploy --prod --auth=nfp_Zr8mQ2xL7vT4pW9nK3cB6yH1dJ5fS0gAe\n' +
      '      - run: npx wrangler deploy --api-token Hq3vR8xL2zT7pW4nK9cB1yH6dJ5fS0gE\n';
    expect(lines('.github/workflows/deploy.yml', workflow)).toEqual([6]);
    const compose =
      'services:\n  cache:\n    image: redis:7\n    command: ["redis-server", "--requirepass", "Qv7-Lm2x-Rk9p"]\n';
    expect(lines('deploy/docker-compose.yml', compose)).toEqual([4]);
    expect(
      lines('scripts/release.sh', 'npm publish --otp 123456\ncurl -s --password Zt4q8Wm2Xk7L https://x\n'),
    ).toEqual([2]);
  });

  it('stays silent on references, files, stdin and placeholders', () => {
    const workflow =
      'jobs:\n  deploy:\n    steps:\n' +
      '      - run: npx vercel deploy --token=${{ secrets.VERCEL_TOKEN }}\n' +
      '      - run: vercel --token "$VERCEL_TOKEN" --prod\n' +
      '      - run: echo "$PW" | docker login --password-stdin -u bot ghcr.io\n' +
      '      - run: gh auth login --with-token < token.txt\n' +
      '      - run: redis-cli --pass changeme ping\n';
    expect(lines('.github/workflows/deploy.yml', workflow)).toEqual([]);
    expect(lines('docker-compose.yml', 'services:\n  c:\n    command: ["--token-file", "/run/secrets/t"]\n')).toEqual(
      [],
    );
  });
});

describe("another language's variables inside a text file", () => {
  const pw = () => 'Qv7' + '-Lm2x-' + 'Rk9p!';
  it('stays silent on a shell, batch or PowerShell variable after a password source prefix', () => {
    const sh =
      'apksigner sign --ks release.jks --ks-pass=pass:$KS_PASSWORD app.apk\n' +
      'apksigner sign --ks release.jks --key-pass pass:${KEY_PASSWORD} app.apk\n' +
      'signtool --password=env:%SIGN_PW% app.exe\n' +
      'keytool -storepass:env STORE_PW -list\n';
    expect(lines('scripts/sign.sh', sh)).toEqual([]);
    expect(lines('scripts/sign.ps1', `./sign.exe --password "$env:SIGN_PASSWORD"\n`)).toEqual([]);
  });

  it('stays silent on Ruby or CoffeeScript interpolation of a variable in a command string', () => {
    const fastfile =
      'def sign!(apk, ks, ks_password)\n' +
      '  sh("apksigner sign --ks #{ks} --ks-pass=pass:#{ks_password} #{apk}")\n' +
      '  sh("curl -u deploy:#{ENV[\'DEPLOY_PW\']} https://x")\n' +
      'end\n';
    expect(lines('fastlane/Fastfile', fastfile)).toEqual([]);
    expect(lines('deploy/task.coffee', 'run "mysql --password=#{config.dbPassword} app"\n')).toEqual([]);
  });

  it('still reports a literal password after the same prefixes and in the same files', () => {
    expect(lines('scripts/sign.sh', `apksigner sign --ks release.jks --ks-pass=pass:${pw()} app.apk\n`)).toEqual([1]);
    expect(
      lines('fastlane/Fastfile', `def sign!\n  sh("apksigner sign --ks-pass=pass:${pw()} app.apk")\nend\n`),
    ).toEqual([2]);
    expect(lines('deploy/task.coffee', `run "mysql --password=${pw()} app"\n`)).toEqual([1]);
  });
});

describe('values named by their surroundings', () => {
  it('judges a Terraform default under its variable name', () => {
    const tf =
      'variable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n\n' +
      'variable "metabase_admin_password" {\n  type    = string\n  default = "Mb4se-Adm1n-77!"\n}\n';
    expect(lines('infra/variables.tf', tf)).toEqual([8]);
  });

  it('judges a name/value env pair under the name, not under `value`', () => {
    const k8s =
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n' +
      '        - name: api\n          env:\n            - name: LOG_LEVEL\n              value: debug\n' +
      '            - name: SIGNING_SECRET\n              value: "c81f3a9e5b7d20f4a6c8e1b3d5f7092a"\n' +
      '            - name: DB_PASSWORD\n              value: password\n';
    expect(lines('k8s/api.yaml', k8s)).toEqual([12]);
  });

  it('reports a machine-made value under a <word> key name, not a lookup key', () => {
    const app = JSON.stringify(
      { expo: { extra: { etherscanKey: 'P7wK2xR9mL4vT8nQ3zB6yH1dJ5fS0gAe', storageKey: 'wallet.session.v2' } } },
      null,
      2,
    );
    expect(lines('app.json', app)).toEqual([4]);
  });

  it('leaves a Maps or Firebase key in client configuration, and reports a Gemini key', () => {
    const env =
      'NEXT_PUBLIC_GOOGLE_MAPS_KEY=AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF\n' +
      'GEMINI_API_KEY=AIzaSyFAKE1q9Zt7sK2mN4pL8vR6xW1yB5cD3eF\n';
    expect(lines('web/.env', env)).toEqual([2]);
    const app = JSON.stringify(
      { expo: { android: { config: { googleMaps: { apiKey: 'AIzaSyFAKE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF' } } } } },
      null,
      2,
    );
    expect(lines('app.json', app)).toEqual([]);
  });
  it('leaves a Web Push public key (applicationServerKey) in client configuration, and reports its private key', () => {
    // fake: 0x04-led P-256 points in base64url (87 characters) and a 32-byte private key (43)
    const pub = `B${'q7Lm2Xz9Rk4Vb8Nw1Tc6Yp3GhJ5sD0fA'.repeat(3).slice(0, 86)}`;
    const config = JSON.stringify(
      { push: { appId: 'org.fake.web', gatewayUrl: 'https://push.fake.test', applicationServerKey: pub } },
      null,
      2,
    );
    expect(lines('assets/config.json', config)).toEqual([]);
    const env = `VAPID_PUBLIC_KEY=${pub}\nVAPID_PRIVATE_KEY=Hx7mQ2vR9tL4kW8zPc3Nd6Bf1Gs5Jy0TaUe2Vi8Xo4\n`;
    expect(lines('server/.env', env)).toEqual([2]);
  });
});
