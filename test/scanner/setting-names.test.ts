/**
 * Names that say which provider serves a secret do not hold one (`AUTH_PROVIDER=workos`), in `.env` files, CI
 * workflow env and compose environment lists; near misses under secret names beside them stay reported.
 */
import { describe, expect, it } from 'vitest';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string): number[] => scanTextFile(rel, text).findings.map((f) => f.location.line);

describe('a *_PROVIDER setting names a provider', () => {
  it('is not a secret in a .env file, a workflow env or a compose environment list', () => {
    expect(lines('apps/web/.env', 'AUTH_PROVIDER=workos\nSECRETS_PROVIDER=vault\n')).toEqual([]);
    const workflow =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      AUTH_PROVIDER: "workos"\n' +
      '      TOKEN_PROVIDER: auth0\n    steps:\n      - run: npm run build\n';
    expect(lines('.github/workflows/build.yml', workflow)).toEqual([]);
    const compose = 'services:\n  api:\n    image: acme/api\n    environment:\n      - CREDENTIALS_PROVIDER=aws-sso\n';
    expect(lines('deploy/compose.prod.yml', compose)).toEqual([]);
  });

  it('keeps a secret under a provider-scoped secret name, and an auth token, reported', () => {
    const env =
      'AUTH_PROVIDER=workos\nAUTH_PROVIDER_SECRET=Vq7mX2rT9kLp4sWzH8dN3bC6\nAUTH_TOKEN=Kd93LmQx7Rt2Vb8Nz4Wp6Hs1\n';
    expect(lines('apps/web/.env', env)).toEqual([2, 3]);
  });
});
