/**
 * The audit's check on `rm` of key files in shell lines (session 25, branch rule9del): CI workflow steps, shell
 * scripts and Dockerfiles. A removed path counts when it names key material or when the same file wrote a secret to
 * it. Near misses: other paths, public halves and `known_hosts`, `shred -u`, `rmdir`, files that are not shell.
 */
import { describe, expect, it } from 'vitest';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';

const brief = (rel: string, text: string): string[] =>
  scanTemplateFile(rel, text).findings.map(
    (f) => `${f.location.line}:${f.location.column} ${f.ruleId.replace('keyhygiene/', '')}`,
  );

describe('rm of key files in shell lines', () => {
  it('reports a workflow step that removes the file it wrote a secret to, and a key-named path', () => {
    const workflow = [
      'jobs:', // 1
      '  sign:', // 2
      '    runs-on: [self-hosted, linux]', // 3
      '    steps:', // 4
      '      - name: Sign', // 5
      '        run: |', // 6
      '          echo "${{ secrets.SIGNING_KEY }}" > /tmp/signing.asc', // 7
      '          gpg --batch --import /tmp/signing.asc', // 8
      '          rm -f /tmp/signing.asc', // 9
      '      - run: rm -rf ~/.ssh/id_ed25519 dist/', // 10
      '',
    ].join('\n');
    expect(brief('.github/workflows/release.yml', workflow)).toEqual([
      '9:17 template-unsafe-deletion',
      '10:21 template-unsafe-deletion',
    ]);
    expect(scanTemplateFile('.github/workflows/release.yml', workflow).findings[0]!.message).toContain(
      'rm deletes the key file /tmp/signing.asc (a secret was written to it in this file)',
    );
  });

  it('reads shell scripts and Dockerfiles', () => {
    const script = ['#!/bin/sh', 'printf "%s" "$DEPLOY_KEY" > deploy.key', 'scp -i deploy.key a b:', 'rm deploy.key'];
    expect(brief('scripts/deploy.sh', script.join('\n'))).toEqual(['4:4 template-unsafe-deletion']);
    const dockerfile = ['FROM node:20', 'COPY id_rsa /root/.ssh/id_rsa', 'RUN npm ci && rm -f /root/.ssh/id_rsa'].join(
      '\n',
    );
    expect(brief('Dockerfile', dockerfile)).toEqual(['3:21 template-unsafe-deletion']);
  });

  it('stays silent on a detached signature removed after the download it verified, and reports a key beside it', () => {
    const dockerfile = [
      'FROM debian:12', // 1
      'RUN curl -fsSLO https://dist.example.test/src/tool-3.12.tar.xz \\', // 2
      '  && curl -fsSLO https://dist.example.test/src/tool-3.12.tar.xz.asc \\', // 3
      '  && gpg --batch --verify tool-3.12.tar.xz.asc tool-3.12.tar.xz \\', // 4
      '  && rm -r "$GNUPGHOME" tool-3.12.tar.xz.asc SHASUMS256.txt.asc bundle.zip.sig', // 5
      'RUN rm -f /root/release-signing.asc', // 6
    ].join('\n');
    expect(brief('Dockerfile', dockerfile)).toEqual(['6:11 template-unsafe-deletion']);
  });

  it('stays silent on other paths, public halves, shred, rmdir and files that are not shell', () => {
    const workflow = [
      'jobs:',
      '  build:',
      '    steps:',
      '      - run: rm -rf node_modules dist coverage',
      '      - run: rm -f ~/.ssh/known_hosts deploy_key.pub',
      '      - run: shred -u /tmp/signing.key',
      '      - run: rmdir /tmp/keys-empty',
      '      - run: echo "run rm -f x.key to reset"',
      '',
    ].join('\n');
    expect(brief('.github/workflows/build.yml', workflow)).toEqual([]);
    expect(brief('config/cleanup.yml', 'steps:\n  - run: rm -f /tmp/signing.key\n')).toEqual([]);
  });
});
