/**
 * The CI gate in docs/ci.md, run for real: the ESLint config, every `run:` step of the GitHub Actions
 * workflow (except `npm ci`, replaced by linking this checkout) and the pre-commit hook are read out of
 * the doc and executed against scratch projects, checking the exit codes and outputs they rely on
 * (0 clean / 1 findings / 2 usage error; `--format sarif=FILE` writes SARIF 2.1.0 that upload-sarif accepts,
 * holding no secret). Needs dist/ (the `pretest` script builds it).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'bin.js');
const doc = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');

/** The fenced block whose first non-shebang line is the given path comment. */
function block(pathComment: string): string {
  for (const m of doc.matchAll(/```\w*\n([\s\S]*?)```/g)) {
    const body = m[1]!;
    const first = body.split('\n').find((l) => !l.startsWith('#!'));
    if (first?.trim() === pathComment) return body;
  }
  throw new Error(`docs/ci.md has no block starting with ${pathComment}`);
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}
const eslintConfig = block('// eslint.config.mjs');
const workflow = parse(block('# .github/workflows/keyhygiene.yml')) as {
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs)[0]!.steps;
const hook = block('# .githooks/pre-commit');
const hookInstall = doc.match(/```sh\n(chmod \+x \.githooks\/pre-commit\n[\s\S]*?)```/)?.[1] ?? '';

const lintStep = steps.find((s) => s.run?.includes('eslint'))!;
const auditStep = steps.find((s) => s.run?.includes('keyhygiene audit'))!;
const uploadStep = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
const sarifFile = /--format sarif=(\S+)/.exec(auditStep?.run ?? '')?.[1] ?? '';

const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/** A project with eslint and keyhygiene installed the way `npm ci` would (links into this checkout). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-ci-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', 'eslint'), join(dir, 'node_modules', 'eslint'), 'dir');
  symlinkSync(ROOT, join(dir, 'node_modules', 'keyhygiene'), 'dir');
  const shim = (name: string, target: string) => {
    writeFileSync(join(dir, 'node_modules', '.bin', name), `#!/bin/sh\nexec "${process.execPath}" "${target}" "$@"\n`);
    chmodSync(join(dir, 'node_modules', '.bin', name), 0o755);
  };
  shim('eslint', join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'));
  shim('keyhygiene', CLI);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ci-scratch', private: true, type: 'module' }));
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n.keyhygiene-cache/\n');
  writeFileSync(join(dir, 'eslint.config.mjs'), eslintConfig);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

function sh(cwd: string, script: string) {
  const r = spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      CI: 'true',
      NO_COLOR: '1',
      PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env.PATH}`,
      GIT_AUTHOR_NAME: 'ci',
      GIT_AUTHOR_EMAIL: 'ci@example.com',
      GIT_COMMITTER_NAME: 'ci',
      GIT_COMMITTER_EMAIL: 'ci@example.com',
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

const CLEAN = {
  'src/auth.ts':
    "import { createHmac } from 'node:crypto';\n\nexport const sign = (body: string) => createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');\n",
  '.env.example': 'WEBHOOK_SECRET=\nPORT=8080\n',
};
// Made at test time: nothing secret is committed.
const KEY = randomBytes(32).toString('hex');
const STRIPE =
  'sk_live_' +
  randomBytes(24)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 28)
    .padEnd(28, 'q');
const DIRTY = {
  'src/auth.ts': `import { createHmac } from 'node:crypto';\n\nexport const sign = (body: string) => createHmac('sha256', '${KEY}').update(body).digest('hex');\n`,
  'config/payments.json': JSON.stringify({ stripe: { secretKey: STRIPE } }, null, 2) + '\n',
};

describe('docs/ci.md', { timeout: 240_000 }, () => {
  beforeAll(() => {
    expect(existsSync(CLI), 'dist/src/cli/bin.js (run `npm run build`)').toBe(true);
  });

  it('documents a workflow that lints, audits to SARIF and uploads it to code scanning', () => {
    expect(lintStep.run).toMatch(/^npx eslint /);
    expect(auditStep.run).toMatch(/^npx keyhygiene audit /);
    expect(sarifFile).not.toBe('');
    expect(uploadStep.with?.sarif_file).toBe(sarifFile);
    expect(uploadStep.if).toContain('always()');
    expect(workflow.permissions['security-events']).toBe('write');
    expect(steps.map((s) => s.run).filter(Boolean)).toContain('npm ci');
  });

  it('on a clean project: lint exits 0, the audit exits 0 and writes an empty SARIF run', () => {
    const dir = project(CLEAN);
    const lint = sh(dir, lintStep.run!);
    expect(lint.status, lint.out).toBe(0);
    const audit = sh(dir, auditStep.run!);
    expect(audit.status, audit.out).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, sarifFile), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('keyhygiene');
    expect(sarif.runs[0].results).toEqual([]);
  });

  it('on a project with keys: lint exits 1 naming our rule, the audit exits 1 and the SARIF holds redacted results', () => {
    const dir = project(DIRTY);
    const lint = sh(dir, lintStep.run!);
    expect(lint.status, lint.out).toBe(1);
    expect(lint.stdout).toContain('keyhygiene/no-hardcoded-key');
    expect(lint.out).not.toContain(KEY);

    const audit = sh(dir, auditStep.run!);
    expect(audit.status, audit.out).toBe(1);
    const text = readFileSync(join(dir, sarifFile), 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(STRIPE);
    expect(audit.out).not.toContain(KEY);
    const sarif = JSON.parse(text);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    const where = results.map(
      (r) =>
        `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`,
    );
    expect(where).toEqual(expect.arrayContaining(['src/auth.ts:3', 'config/payments.json:3']));
    for (const r of results) expect(r.ruleId).toMatch(/^keyhygiene\//);
    // upload-sarif needs rule metadata for every ruleId it gets
    const ruleIds = new Set((sarif.runs[0].tool.driver.rules as { id: string }[]).map((r) => r.id));
    for (const r of results) expect(ruleIds.has(r.ruleId), r.ruleId).toBe(true);
  });

  it('a usage error exits 2 with a one-line message, and writes no SARIF for the upload step to pick up', () => {
    const dir = project(CLEAN);
    const r = sh(dir, `npx keyhygiene audit . --format nope=${sarifFile}`);
    expect(r.status, r.out).toBe(2);
    expect(r.stderr.trim().length).toBeGreaterThan(0);
    expect(existsSync(join(dir, sarifFile))).toBe(false);
  });

  it('the pre-commit hook lets a clean commit through and blocks a commit with a key', () => {
    expect(hookInstall).toContain('git config core.hooksPath .githooks');
    const dir = project(CLEAN);
    mkdirSync(join(dir, '.githooks'));
    writeFileSync(join(dir, '.githooks', 'pre-commit'), hook);
    expect(sh(dir, 'git init -q -b main').status).toBe(0);
    const install = sh(dir, hookInstall);
    expect(install.status, install.out).toBe(0);

    const clean = sh(dir, 'git add -A && git commit -q -m clean');
    expect(clean.status, clean.out).toBe(0);
    const head = sh(dir, 'git rev-parse HEAD').stdout.trim();

    writeFileSync(join(dir, 'src', 'auth.ts'), DIRTY['src/auth.ts']);
    const blocked = sh(dir, 'git add -A && git commit -q -m key');
    expect(blocked.status, blocked.out).not.toBe(0);
    expect(blocked.out).toContain('keyhygiene/no-hardcoded-key');
    expect(blocked.out).not.toContain(KEY);
    expect(sh(dir, 'git rev-parse HEAD').stdout.trim()).toBe(head);

    // a key in a config file, with no JS/TS staged: the audit half of the hook blocks it
    writeFileSync(join(dir, 'src', 'auth.ts'), CLEAN['src/auth.ts']);
    mkdirSync(join(dir, 'config'), { recursive: true });
    writeFileSync(join(dir, 'config', 'payments.json'), DIRTY['config/payments.json']);
    const blockedConfig = sh(dir, 'git add -A && git commit -q -m config');
    expect(blockedConfig.status, blockedConfig.out).not.toBe(0);
    expect(blockedConfig.out).not.toContain(STRIPE);
    expect(sh(dir, 'git rev-parse HEAD').stdout.trim()).toBe(head);
  });
});
