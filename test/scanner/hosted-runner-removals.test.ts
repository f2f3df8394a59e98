/**
 * `rm` of a key file in a GitHub Actions job that runs on a GitHub-hosted runner (session 27, branch rfp11b): each
 * such job gets a fresh VM whose disk is discarded when the job ends, so the removal leaves nothing behind and is
 * not reported. Self-hosted runners, runner groups, unknown labels, matrices that mix in a self-hosted label,
 * Gitea/Forgejo workflows and shell scripts stay reported.
 */
import { describe, expect, it } from 'vitest';
import { hostedRunnerLabel } from '../../src/catalogue/deletion.js';
import { hostedJobRanges } from '../../src/scanner/detect/templates/hosted-jobs.js';
import { scanTemplateFile } from '../../src/scanner/detect/templates/index.js';

const lines = (rel: string, text: string): number[] =>
  scanTemplateFile(rel, text)
    .findings.filter((f) => f.ruleId === 'keyhygiene/template-unsafe-deletion')
    .map((f) => f.location.line);

/** One job that writes a secret to a key file and removes it, under the given `runs-on` lines. */
const job = (name: string, runsOn: string[], extra: string[] = []): string[] => [
  `  ${name}:`,
  ...runsOn.map((l) => `    ${l}`),
  ...extra.map((l) => `    ${l}`),
  '    steps:',
  '      - run: |',
  '          echo "${{ secrets.UPLOAD_KEYSTORE }}" | base64 -d > upload.keystore',
  '          rm -f upload.keystore',
];
const workflow = (...jobs: string[][]): string => ['on: push', 'jobs:', ...jobs.flat(), ''].join('\n');

describe('rm of a key file on a GitHub-hosted runner', () => {
  it('is not reported for hosted labels, lists of hosted labels and matrices of hosted labels', () => {
    expect(lines('.github/workflows/a.yml', workflow(job('android', ['runs-on: ubuntu-latest'])))).toEqual([]);
    expect(lines('.github/workflows/b.yaml', workflow(job('mac', ['runs-on: macos-15'])))).toEqual([]);
    expect(lines('.github/workflows/c.yml', workflow(job('win', ['runs-on: [windows-2022]'])))).toEqual([]);
    const matrix = job(
      'build',
      ['runs-on: ${{ matrix.platform }}'],
      ['strategy:', '  matrix:', '    platform: [ubuntu-latest, macos-latest, windows-latest]'],
    );
    expect(lines('.github/workflows/d.yml', workflow(matrix))).toEqual([]);
  });

  it('stays reported on self-hosted runners, groups, unknown labels and mixed matrices', () => {
    const selfHosted = workflow(job('sign', ['runs-on: [self-hosted, airgap]']));
    expect(lines('.github/workflows/a.yml', selfHosted)).toEqual([8]);
    const group = workflow(job('sign', ['runs-on:', '  group: signers']));
    expect(lines('.github/workflows/b.yml', group)).toEqual([9]);
    expect(lines('.github/workflows/c.yml', workflow(job('sign', ['runs-on: build-box-01'])))).toEqual([8]);
    const mixed = job(
      'build',
      ['runs-on: ${{ matrix.os }}'],
      ['strategy:', '  matrix:', '    os: [ubuntu-latest, self-hosted]'],
    );
    expect(lines('.github/workflows/d.yml', workflow(mixed))).toEqual([11]);
    const included = job(
      'build',
      ['runs-on: ${{ matrix.os }}'],
      ['strategy:', '  matrix:', '    os: [ubuntu-latest]', '    include:', '      - os: release-signer'],
    );
    expect(lines('.github/workflows/e.yml', workflow(included))).toEqual([13]);
    expect(lines('.github/workflows/f.yml', workflow(job('sign', ['runs-on: ${{ inputs.runner }}'])))).toEqual([8]);
  });

  it('judges each job on its own runner', () => {
    const text = workflow(job('dry', ['runs-on: ubuntu-latest']), job('ceremony', ['runs-on: [self-hosted]']));
    expect(lines('.github/workflows/keys.yml', text)).toEqual([14]);
  });

  it('keeps Gitea and Forgejo workflows, shell scripts and unparsable workflows reported', () => {
    const text = workflow(job('android', ['runs-on: ubuntu-latest']));
    expect(lines('.gitea/workflows/a.yml', text)).toEqual([8]);
    expect(lines('.forgejo/workflows/a.yml', text)).toEqual([8]);
    expect(hostedJobRanges('scripts/release.sh', text)).toEqual([]);
    const broken = `${text}  bad: [unclosed\n`;
    expect(lines('.github/workflows/broken.yml', broken)).toEqual([8]);
  });

  it('knows the hosted labels of its catalogue samples', () => {
    for (const p of hostedRunnerLabel.samples.positive) expect(hostedRunnerLabel.pattern.test(p), p).toBe(true);
    for (const n of hostedRunnerLabel.samples.negative) expect(hostedRunnerLabel.pattern.test(n), n).toBe(false);
  });
});
