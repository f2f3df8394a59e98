import { describe, expect, it } from 'vitest';
import { renderText, textReporter } from '../../src/report/text.js';
import { buildFixture, emptyResult, RULES } from './fixture.js';

const ANSI = /\u001b\[[0-9;]*m/;

describe('text report', () => {
  const { result } = buildFixture();
  const out = textReporter.render(result, RULES);

  it('groups by file, then by severity within a file', () => {
    const files = out.split('\n').filter((l) => /^[^\s]/.test(l) && !/^(Partial|\d+ finding|No findings)/.test(l));
    expect(files).toEqual([
      '.env.example',
      'deploy/signing.pem',
      'old/credentials.json',
      'src/auth/token.ts',
      'src/aws/client.ts',
      'src/services/crypto.ts',
    ]);
    expect(out).toMatch(/src\/aws\/client\.ts\n {2}CRITICAL 12:60 {4}AWS access key AKIA…/);
  });

  it('shows a code frame from the redacted snippet, with a caret under the column', () => {
    const lines = out.split('\n');
    const i = lines.findIndex((l) => l.includes('> 12 |'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i - 1]).toContain('  11 | import { S3Client }');
    expect(lines[i]).toContain("accessKeyId: 'AKIA…");
    const caret = lines[i + 1]!;
    expect(caret).toMatch(/\|\s+\^+$/);
    // The caret starts under column 60 of the source line.
    expect(caret.indexOf('^') - caret.indexOf('|') - 2).toBe(59);
  });

  it('shows cross-file path steps, history commits, CWE and suppressions', () => {
    expect(out).toContain('↳ src/config.ts:3:14 SESSION_KEY is defined from a literal');
    expect(out).toContain('commit a3f9c2e1b4d5 2025-03-14');
    expect(out).toContain('CWE-798, CWE-321');
    expect(out).toContain(
      'suppressed, in baseline: test-only key, rotation tracked in SEC-42 <b> (expires 2999-01-01)',
    );
    expect(out).toContain('suppressed, allowed inline: documented sample value');
  });

  it('says the scan is partial and what was skipped, and why', () => {
    expect(out).toContain('Partial scan: 3 files not scanned (1 binary, 1 syntax-error, 1 too-large)');
    expect(out).toContain("  src/broken.ts: syntax-error (')' expected (3:14))");
    expect(out).toContain('  data/dump.sql: too-large (48 MB > 10 MB)');
  });

  it('ends with a summary line', () => {
    const last = out.trimEnd().split('\n').pop();
    expect(last).toBe(
      '4 findings (1 critical, 2 high, 1 low) in 4 files; 2 suppressed, 42 files scanned in 1.2s, 310 history blobs, partial.',
    );
    expect(textReporter.render(emptyResult(), RULES).trimEnd()).toBe('No findings; 3 files scanned in 0.0s.');
  });

  it('uses colour only when asked, and escapes control characters from the scanned files', () => {
    expect(out).not.toMatch(ANSI);
    expect(textReporter.render(result, RULES, { color: true })).toMatch(ANSI);
    const evil = {
      ...emptyResult(),
      findings: [{ ...result.findings[0]!, message: 'x\u001b[2Jy', snippet: undefined }],
    };
    const plain = renderText(evil, RULES, false);
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('x\\x1b[2Jy');
  });
});
