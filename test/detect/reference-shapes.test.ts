/**
 * Value shapes that are no key whatever name they sit under (issue 11, session 39, branch prec23): a Windows registry
 * path (a registry "key"), a bare asset file name in a lookup table, and a template expression that only names a
 * value kept elsewhere (`${{ secrets.X }}`). Near misses keep their verdicts. Every value is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { benignShapeOf, classifyValue, keyHolderSecret } from '../../src/detect/index.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string): number[] => scanTextFile(rel, text).findings.map((f) => f.location.line);

describe('registry paths and asset file names', () => {
  it('reads them as paths under a secret or password name', () => {
    expect(benignShapeOf('HKEY_CURRENT_USER\\SOFTWARE\\Classes\\AppUserModelId\\com.example.notes')).toBe('path');
    expect(benignShapeOf('HKLM\\SOFTWARE\\Policies\\Vendor\\Agent')).toBe('path');
    expect(keyHolderSecret('HKEY_CURRENT_USER\\SOFTWARE\\Vendor\\Notes\\Q7mT2vR9x4Lw8Kp3Zn6Bc1', 'regKey')).toBe(false);
    expect(benignShapeOf('1f1e6-1f1f6.png')).toBe('path');
    expect(classifyValue('1f1f5-1f1fc.png', { name: 'flag-pw' }).secret).toBe(false);
    expect(classifyValue('badge-x9Qe7.svg', { name: 'password' }).secret).toBe(false);
  });

  it('keeps secrets that only look alike', () => {
    expect(benignShapeOf('HKx9Qe7Lw2Rt8Yb4Nc6Vd1Sf3Gh5Jk0aZ')).toBeUndefined();
    expect(keyHolderSecret('Zq8Vw3Rt6Yb1Nc4Md7Kf0Hj2Lp5Xs9Ge', 'regKey')).toBe(true);
    expect(classifyValue('Spring2031!png', { name: 'password' }).secret).toBe(true);
  });
});

describe('JSON Pointer fragments (session 40)', () => {
  it('reads an OpenAPI mapping under a password name as a reference, in YAML and as a value', () => {
    const yaml =
      "discriminator:\n  mapping:\n    password: '#/components/schemas/PasswordField'\n    secret: '#/components/schemas/SecretField'\n";
    expect(lines('api/openapi.yaml', yaml)).toEqual([]);
    expect(benignShapeOf('#/components/schemas/PasswordField')).toBe('path');
    expect(classifyValue('#/definitions/ApiKeyV2', { name: 'api_key' }).secret).toBe(false);
  });

  it('keeps a password that only starts with a hash', () => {
    expect(classifyValue('#Hq7Lp2xR9/z!', { name: 'password' }).secret).toBe(true);
    expect(lines('config/app.yaml', "db:\n  password: '#/Hq7Lp2!xR9'\n")).toEqual([2]);
  });
});

describe('template expressions that name a stored secret', () => {
  const workflow = (value: string): string =>
    'jobs:\n  sign:\n    steps:\n      - uses: azure/trusted-signing-action@v0\n        with:\n' +
    '          azure-client-id: ${{ secrets.AZURE_CLIENT_ID }}\n' +
    '          azure-client-secret: ${{ secrets.AZURE_CLIENT_SECRET }}\n' +
    `          endpoint: ${value}\n`;

  it('stays quiet on ${{ secrets.X }}, {{ .Values.x }} and ${X} after an Azure client secret line', () => {
    expect(lines('.github/workflows/sign.yaml', workflow('${{ secrets.AZURE_TRUSTED_SIGNING_ENDPOINT }}'))).toEqual([]);
    expect(lines('.github/workflows/sign.yaml', workflow('{{ .Values.azureTrustedSigningEndpoint }}'))).toEqual([]);
    expect(lines('deploy/sign.yaml', workflow('${AZURE_TRUSTED_SIGNING_ENDPOINT_URL_V2}'))).toEqual([]);
  });

  it('still reports a literal secret on that line, also inside braces', () => {
    expect(lines('.github/workflows/sign.yaml', workflow('Jq8Vw3Rt6Yb1Nc4Md7Kf0Hj2Lp5Xs9GeAa'))).toEqual([8]);
    expect(lines('.github/workflows/sign.yaml', workflow("${{ 'Jq8Vw3Rt6Yb1Nc4Md7Kf0Hj2Lp5Xs9GeAa' }}"))).toEqual([8]);
  });
});

describe('asset tables in data files', () => {
  it('stays quiet on an emoji table whose names end in a country code', () => {
    const table = '{"flag-pt":"1f1f5-1f1f9.png","flag-pw":"1f1f5-1f1fc.png","flag-py":"1f1f5-1f1fe.png"}\n';
    expect(lines('app/emoji-name-to-image.json', table)).toEqual([]);
  });

  it('reports a real password under pw', () => {
    expect(lines('config/db.json', '{"host":"db.internal","pw":"Tr0ub4dor&3x"}\n')).toEqual([1]);
  });
});
