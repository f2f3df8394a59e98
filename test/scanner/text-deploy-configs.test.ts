/* eslint-disable keyhygiene/no-hardcoded-key -- fake samples */
/**
 * The text pass on deploy and app-platform files, from their documented formats (session 23, issue 11): a
 * CloudFormation/SAM parameter's `Default` judged under the parameter's name, `key`/`value` env lists (Render
 * `envVars`, DigitalOcean app spec `envs`), Heroku `app.json` env entries, CI `variables:` maps, PuTTY private-key
 * files, and the Firebase Android config key (public by design). Near misses from the same formats stay silent.
 * Every secret-shaped value here is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string) => scanTextFile(rel, text).findings.map((f) => f.location.line);

describe('deploy templates and app-platform files', () => {
  it('judges a CloudFormation parameter default under the parameter name', () => {
    const yaml =
      "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  InstanceType:\n    Type: String\n" +
      '    Default: t3.micro\n  DbPassword:\n    Type: String\n    NoEcho: true\n    Default: Rk7vQ2mW9x\n';
    expect(lines('infra/template.yaml', yaml)).toEqual([9]);
    const json =
      '{\n  "Parameters": {\n    "ApiToken": { "Type": "String", "Default": "Zq8Lw3Xn6Tp1Vr4Km9Bs2Hd7" }\n  }\n}\n';
    expect(lines('infra/template.json', json)).toEqual([3]);
  });

  it('stays silent on parameters without a default and on dynamic references', () => {
    const yaml =
      'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\nResources:\n  Db:\n' +
      '    Type: AWS::RDS::DBInstance\n    Properties:\n' +
      "      MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'\n";
    expect(lines('infra/stack.yaml', yaml)).toEqual([]);
  });

  it('judges key/value env lists (Render, DigitalOcean) under the key', () => {
    const render =
      'services:\n  - type: web\n    name: api\n    envVars:\n      - key: NODE_ENV\n        value: production\n' +
      '      - key: JWT_SECRET\n        value: Tz4Wq9Lm2Xv7Kp3Rn8Bc5Hd1Jf6Gs0Ya\n      - key: SESSION_SECRET\n' +
      '        generateValue: true\n';
    expect(lines('render.yaml', render)).toEqual([8]);
    const doApp =
      'name: shop\nservices:\n  - name: api\n    envs:\n      - key: STRIPE_WEBHOOK_SECRET\n' +
      '        value: Hx4Tq8Wz2Lm6Kp9Rv3Nc7Bd1Jf5Gs0Ya\n        scope: RUN_TIME\n';
    expect(lines('.do/app.yaml', doApp)).toEqual([6]);
  });

  it('stays silent on key/value pairs that are not secrets (Kubernetes tolerations)', () => {
    const deploy =
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      tolerations:\n' +
      '        - key: dedicated\n          operator: Equal\n          value: batch-workers\n          effect: NoSchedule\n';
    expect(lines('k8s/deploy.yaml', deploy)).toEqual([]);
  });

  it('judges Heroku app.json env entries and CI variables maps under their names', () => {
    const appJson =
      '{\n  "name": "shop",\n  "env": {\n    "WEB_CONCURRENCY": { "value": "2" },\n' +
      '    "SESSION_SECRET": { "value": "Pq3Xz8Lm5Wt2Kr9Vn6Bc1Hd4Jf7Gs0Ya" },\n' +
      '    "API_TOKEN": { "description": "set me", "generator": "secret" }\n  }\n}\n';
    expect(lines('app.json', appJson)).toEqual([5]);
    const gitlab =
      'variables:\n  DEPLOY_TOKEN: Vb7Nq2Zx5Lm9Kt3Wp8Rc4Hd6Jf1Gs0YaEu2Io7P\n  NODE_VERSION: "20"\nstages: [deploy]\n';
    expect(lines('.gitlab-ci.yml', gitlab)).toEqual([2]);
  });
});

describe('key files', () => {
  it('reports a PuTTY private key file, unencrypted or passphrase-protected', () => {
    const ppk =
      'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n' +
      'AAAAC3NzaC1lZDI1NTE5AAAAIFakeQ2vN8xL4mR7tZ1wP5s\nY9bC3dF6gH0jK\nPrivate-Lines: 1\n' +
      'AAAAIFakeTq8rZ4mN6xW2vL9kP3jH7bF1cD5gS0aE2iO4uY6t\nPrivate-MAC: 5c1f9e27b3d84a6c0e2f7a91b8d3c4e6\n';
    expect(lines('deploy/ops.ppk', ppk)).toEqual([8]);
    const v2 = ppk.replace('File-3', 'File-2').replace('Encryption: none', 'Encryption: aes256-cbc');
    expect(lines('keys/legacy.ppk', v2)).toEqual([8]);
  });

  it('stays silent on a PPK header without its private part, and on the Firebase Android config key', () => {
    expect(lines('notes/ppk.txt', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: x\n')).toEqual([]);
    const gs =
      '{ "project_info": { "project_id": "shop" }, "client": [ { "api_key": [ { "current_key": ' +
      '"AIzaSyTz4Wq9Lm2Xv7Kp3Rn8Bc5Hd1Jf6Gs0YaZ" } ] } ] }\n';
    expect(lines('android/app/google-services.json', gs)).toEqual([]);
    expect(
      lines('server/config.json', '{ "gemini": { "api_key": "AIzaSyTz4Wq9Lm2Xv7Kp3Rn8Bc5Hd1Jf6Gs0YaZ" } }\n'),
    ).toEqual([1]);
  });
});
