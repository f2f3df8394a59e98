/**
 * Session 26 (branch rule10alg, issue 11), dev10alg class W3/W4 in configuration: SSH algorithm lists in YAML (weak
 * kex, host-key and MAC names, the same catalogue as ssh2 options in code) and Node.js flags that lower the TLS floor
 * (`NODE_OPTIONS: --tls-min-v1.0` in a container's environment). Near misses: strong lists, lists under a deny name,
 * `--tls-min-v1.2`.
 */
import { describe, expect, it } from 'vitest';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';

const brief = (rel: string, text: string) =>
  scanTemplateFile(rel, text).findings.map(
    (f) => `${f.location.line}:${f.location.column} ${f.ruleId.replace('keyhygiene/', '')}`,
  );

describe('config: SSH algorithm lists and Node.js TLS flags', () => {
  it('reports weak SSH list entries one by one, not strong or denied ones', () => {
    const y = [
      'jobs:', // 1
      '  - name: mainframe', // 2
      '    algorithms:', // 3
      '      kex: [diffie-hellman-group1-sha1, diffie-hellman-group14-sha1]', // 4
      '      serverHostKey: [ssh-ed25519, ssh-rsa]', // 5
      '      hmac:', // 6
      '        - hmac-sha2-256', // 7
      '        - hmac-md5', // 8
      '  - name: modern', // 9
      '    algorithms:', // 10
      '      kex: [curve25519-sha256, diffie-hellman-group-exchange-sha256]', // 11
      '    disabled:', // 12
      '      kex: [diffie-hellman-group1-sha1]', // 13
      '',
    ].join('\n');
    expect(brief('jobs.yaml', y)).toEqual([
      '4:13 config-weak-algorithm',
      '5:36 config-weak-algorithm',
      '8:11 config-weak-algorithm',
    ]);
  });

  it('reports --tls-min-v1.0 and --tls-min-v1.1 wherever a value carries them', () => {
    const y = [
      'env:', // 1
      '  - name: NODE_OPTIONS', // 2
      '    value: "--max-old-space-size=512 --tls-min-v1.0"', // 3
      '  - name: OTHER_OPTIONS', // 4
      '    value: "--tls-min-v1.2"', // 5
      '',
    ].join('\n');
    expect(brief('deploy/app.yaml', y)).toEqual(['3:38 config-weak-algorithm']);
    expect(brief('.env', 'NODE_OPTIONS=--tls-min-v1.1\nX=--tls-max-v1.3\n')).toEqual(['1:14 config-weak-algorithm']);
  });
});
