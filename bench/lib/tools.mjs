/**
 * The tools the benchmarks compare, and how each one's rules map to the hazard categories.
 * ESLint-based tools share one runner (`lintFiles`); secretlint runs through its own CLI; the keyhygiene
 * audit through the scanner API in dist/. Everything is loaded from the built package (dist/), so rules
 * that land later are picked up without changes here.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const fromRoot = (spec) => import(pathToFileURL(require.resolve(spec)).href);

export const CODE_EXT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/**
 * Non-code files the audit scores: .env, JSON, YAML, and the templates and config files its template
 * and config checks read (CloudFormation `.template`, Terraform `.tf`, `.properties`, `.ini`, `.conf`).
 */
export const CONFIG_FILE = /(?:^|\/)\.env(?:\.[\w-]+)?$|\.(?:json|ya?ml|template|tf|properties|ini|conf)$/;

/** sonarjs rules for secrets, randomness, ciphers and key sizes, and the category each one reports under. */
export const SONAR_RULES = {
  'no-hardcoded-passwords': 'hardcoded-key',
  'no-hardcoded-secrets': 'hardcoded-key',
  'hardcoded-secret-signatures': 'hardcoded-key',
  'pseudo-random': 'weak-randomness',
  'no-weak-keys': 'weak-algorithm',
  'no-weak-cipher': 'weak-algorithm',
  'encryption-secure-mode': 'weak-algorithm',
  'insecure-jwt-token': 'weak-algorithm',
  hashing: 'weak-algorithm',
};

/** eslint-plugin-security: only `detect-pseudoRandomBytes` is about keys; its other rules are not mapped. */
export const SECURITY_RULES = { 'detect-pseudoRandomBytes': 'weak-randomness' };

export const distPlugin = join(ROOT, 'dist', 'src', 'plugin.js');
export const distScanner = join(ROOT, 'dist', 'src', 'scanner', 'index.js');
export const distCli = join(ROOT, 'dist', 'src', 'cli', 'bin.js');

export async function loadKeyhygiene() {
  if (!existsSync(distPlugin)) throw new Error('dist/src/plugin.js is missing: run `npm run build` first');
  const mod = await import(pathToFileURL(distPlugin).href);
  return mod.default;
}

/**
 * Messages of one rule that belong to another category than the rule's `meta.docs.category`. Empty
 * since each rule reports one hazard (static IVs moved to no-static-iv, cloud recovery windows to
 * require-key-recovery-window); kept so a rule that splits its messages again has one place to say so.
 */
export const KEYHYGIENE_MESSAGE_CATEGORY = {};

/** rule id → category for the keyhygiene rules enabled in a preset. */
export function keyhygieneCategories(plugin, presetName) {
  const out = {};
  for (const [id, level] of Object.entries(plugin.configs[presetName].rules ?? {})) {
    if (level === 'off' || level === 0) continue;
    const name = id.replace(/^keyhygiene\//, '');
    const category = plugin.rules[name]?.meta?.docs?.category;
    if (category) out[id] = category;
  }
  return out;
}

const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** Flat config for one tool. `floor` is ESLint with the same parser and no rules: the parse floor. */
export async function eslintConfig(tool) {
  const tsParser = (await fromRoot('@typescript-eslint/parser')).default;
  const base = {
    files: JS_FILES,
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  };
  switch (tool) {
    case 'floor':
      return [base];
    case 'keyhygiene':
    case 'keyhygiene-strict': {
      const plugin = await loadKeyhygiene();
      const preset = plugin.configs[tool === 'keyhygiene' ? 'recommended' : 'strict'];
      return [base, { ...preset, files: JS_FILES, linterOptions: base.linterOptions }];
    }
    case 'no-secrets': {
      const plugin = (await fromRoot('eslint-plugin-no-secrets')).default;
      return [{ ...base, plugins: { 'no-secrets': plugin }, rules: { 'no-secrets/no-secrets': 'error' } }];
    }
    case 'security': {
      const plugin = (await fromRoot('eslint-plugin-security')).default;
      const rules = Object.fromEntries(Object.keys(plugin.rules).map((r) => [`security/${r}`, 'error']));
      return [{ ...base, plugins: { security: plugin }, rules }];
    }
    case 'sonarjs': {
      const plugin = (await fromRoot('eslint-plugin-sonarjs')).default;
      const rules = Object.fromEntries(Object.keys(SONAR_RULES).map((r) => [`sonarjs/${r}`, 'error']));
      return [{ ...base, plugins: { sonarjs: plugin }, rules }];
    }
    default:
      throw new Error(`unknown ESLint tool ${tool}`);
  }
}

/** Lint `files` (absolute) with one tool; returns ESLint results. */
export async function lintFiles(tool, cwd, files) {
  const { ESLint } = await fromRoot('eslint');
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: await eslintConfig(tool),
    errorOnUnmatchedPattern: false,
    ignore: false,
    cache: false,
  });
  return eslint.lintFiles(files);
}

export const posix = (p) => p.split(sep).join('/');

/** Map ESLint results to bench findings with a category, for one tool. */
export function eslintFindings(results, cwd, ruleCategory) {
  const findings = [];
  const errors = [];
  for (const r of results) {
    for (const m of r.messages) {
      if (!m.ruleId) {
        if (m.fatal) errors.push(`${posix(relative(cwd, r.filePath))}:${m.line}: ${m.message}`);
        continue;
      }
      const category = ruleCategory(m.ruleId, m.messageId);
      if (!category) continue;
      findings.push({ file: posix(relative(cwd, r.filePath)), line: m.line, category, ruleId: m.ruleId });
    }
  }
  return { findings, errors };
}

export const SECRETLINT_RC = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });

/** Run the secretlint CLI over `files` (relative to cwd). Returns { results, status, ms }. */
export function runSecretlint(cwd, files, { timeoutMs = 600_000 } = {}) {
  const bin = join(dirname(require.resolve('secretlint/package.json')), 'bin', 'secretlint.js');
  const started = performance.now();
  const out = spawnSync(
    process.execPath,
    [bin, '--format', 'json', '--no-color', '--secretlintrcJSON', SECRETLINT_RC, ...files],
    { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs },
  );
  const ms = performance.now() - started;
  if (out.error) return { results: [], status: null, ms, error: String(out.error) };
  let results = [];
  try {
    results = out.stdout.trim() ? JSON.parse(out.stdout) : [];
  } catch (e) {
    return {
      results: [],
      status: out.status,
      ms,
      error: `unreadable secretlint output: ${String(e).slice(0, 200)} ${out.stderr.slice(0, 300)}`,
    };
  }
  return { results, status: out.status, ms, ...(out.status === 2 ? { error: out.stderr.slice(0, 500) } : {}) };
}

export function secretlintFindings(results, cwd) {
  const findings = [];
  for (const r of results) {
    for (const m of r.messages ?? []) {
      findings.push({
        file: posix(relative(cwd, r.filePath)),
        line: m.loc?.start?.line ?? m.range?.[0] ?? 0,
        category: 'hardcoded-key',
        ruleId: m.ruleId,
      });
    }
  }
  return findings;
}

/** The scanner API, or null while it does not exist yet in dist/. */
export async function loadScanner() {
  if (!existsSync(distScanner)) return null;
  try {
    const mod = await import(pathToFileURL(distScanner).href);
    return typeof mod.audit === 'function' ? mod : null;
  } catch {
    return null;
  }
}
