/**
 * Cross-module weak-random helpers (issue 11): a generic helper in a shared module (`randomString`, `digits`,
 * `shortId`) says nothing of what its value is for; the modules that call it do (`const otp = digits(6)`,
 * `` signingSecret = `sig_${shortId()}` ``). This finds, by a bounded text scan of the repository's files (answers
 * kept a few seconds: FreshMap), the name a caller in another module stores the helper's result under, so that
 * `no-weak-randomness` can report the helper where it is written, as the blind corpora label it. Read only under
 * ESLint (`importsOnDisk`); the audit joins modules itself.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveImport } from './module-files.js';
import { FreshMap, listedText, nearestFirst, projectFiles } from './module-importers.js';
import { escapeRegExp } from './regexp.js';

const MAX_UP = 8;
const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])([^'"\n]+)\1/g;
const REEXPORT = /\bexport\s+(?:\*|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\1/g;
/** A binding in another module that holds a helper's result, and that module's path. */
export interface CallerBinding {
  readonly name: string;
  readonly file: string;
}

const memo = new FreshMap<readonly CallerBinding[]>();

const exists = (p: string): boolean => {
  try {
    // A missing path answers undefined rather than building an exception (the common case here).
    return statSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
};

/** The repository root a shared module is used from: a workspace root, else the nearest `.git` or package root. */
function repositoryRoot(file: string): string {
  let d = dirname(file);
  let fallback: string | undefined;
  for (let i = 0; i < MAX_UP; i++) {
    if (exists(join(d, 'packages')) || exists(join(d, 'pnpm-workspace.yaml')) || exists(join(d, '.git'))) return d;
    if (fallback === undefined && exists(join(d, 'package.json'))) fallback = d;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return fallback ?? dirname(file);
}

/**
 * Whether `importer` imports `target` directly, or through one module that re-exports from it (an index). Files are
 * read through `listing`'s texts (module-importers.ts `listedText`), as the scan reads them.
 */
function importsModule(listing: readonly string[], importer: string, text: string, target: string): boolean {
  for (const m of text.matchAll(SPECIFIER)) {
    const resolved = resolveImport(dirname(importer), m[2]!, true);
    if (!resolved) continue;
    if (resolved === target) return true;
    const barrel = listedText(listing, resolved);
    if (!barrel) continue;
    for (const r of barrel.matchAll(REEXPORT))
      if (resolveImport(dirname(resolved), r[2]!, true) === target) return true;
  }
  return false;
}

/**
 * The names other modules store the result of `fnName` (exported by `file`) under: the binding or property a call
 * is assigned to on its line (`const otp = digits(6)`, `secret: \`hbk_${randomString(40)}\``), each with the module
 * it is in (whose name or route may say what a bare `code` is for).
 */
export function callerBindings(file: string, fnName: string): readonly CallerBinding[] {
  const target = resolve(file);
  const key = `${target}\0${fnName}`;
  const known = memo.get(key);
  if (known) return known;
  const out = new Map<string, CallerBinding>();
  const call = new RegExp(
    `(?:^|[\\s,{(])([A-Za-z_$][\\w$]*)\\s*(?::\\s*[\\w<>\\[\\]| ]+)?\\s*[:=]\\s*[^;\\n]*?` +
      `\\b${escapeRegExp(fnName)}\\s*\\(`,
    'gm',
  );
  // One listing, and one read of each of its files, for every helper asked about while the listing is fresh.
  const listing = projectFiles(repositoryRoot(target));
  for (const f of nearestFirst(listing, dirname(target))) {
    if (f === target) continue;
    const text = listedText(listing, f);
    if (!text?.includes(`${fnName}(`) || !importsModule(listing, f, text, target)) continue;
    for (const m of text.matchAll(call)) out.set(`${f}\0${m[1]!}`, { name: m[1]!, file: f });
  }
  const bindings = [...out.values()];
  memo.set(key, bindings);
  return bindings;
}
