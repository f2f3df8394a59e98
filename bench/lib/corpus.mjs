/**
 * A labelled corpus and the keyhygiene run the accuracy bench scores on it, shared by bench/accuracy.mjs and
 * bench/miss-shapes.mjs so that both load the same files, labels and negatives and build the same findings.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import {
  CODE_EXT,
  CONFIG_FILE,
  KEYHYGIENE_MESSAGE_CATEGORY,
  eslintFindings,
  keyhygieneCategories,
  lintFiles,
  loadKeyhygiene,
  loadScanner,
  posix,
} from './tools.mjs';

const NON_CORPUS = new Set(['labels.json', 'negatives.json', 'README.md']);

/** Every file below `d` (absolute paths), skipping `node_modules` and the audit's cache folder. */
export const walkCorpus = (d) =>
  readdirSync(d).flatMap((f) =>
    statSync(join(d, f)).isDirectory()
      ? f === 'node_modules' || f === '.keyhygiene-cache'
        ? []
        : walkCorpus(join(d, f))
      : [join(d, f)],
  );

/**
 * Loads a corpus: its files (POSIX, relative), labels and hard negatives. With `only`, the corpus is a temporary
 * copy holding only those files (so the audit, which scans a whole root, stays small), removed at exit.
 * @param {{ corpus: string, labels?: string, only?: string }} options
 */
export function loadCorpus(options) {
  const source = resolve(options.corpus);
  const labelsFile = resolve(options.labels ?? join(source, 'labels.json'));
  let files = walkCorpus(source)
    .map((f) => posix(relative(source, f)))
    .filter((f) => !NON_CORPUS.has(f))
    .sort();
  let corpus = source;
  if (options.only) {
    const only = new Set(options.only.split(',').map((s) => s.trim()));
    files = files.filter((f) => only.has(f));
    corpus = mkdtempSync(join(tmpdir(), 'kh-accuracy-'));
    for (const f of files) {
      mkdirSync(dirname(join(corpus, f)), { recursive: true });
      copyFileSync(join(source, f), join(corpus, f));
    }
    const copy = corpus;
    process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
  }
  const fileSet = new Set(files);
  const negativesFile = join(source, 'negatives.json');
  return {
    source,
    corpus,
    files,
    fileSet,
    codeFiles: files.filter((f) => CODE_EXT.test(f)),
    configFiles: files.filter((f) => CONFIG_FILE.test(f)),
    labels: JSON.parse(readFileSync(labelsFile, 'utf8')).filter((l) => fileSet.has(l.file)),
    negatives: existsSync(negativesFile)
      ? JSON.parse(readFileSync(negativesFile, 'utf8')).filter((n) => fileSet.has(n.file))
      : [],
  };
}

/**
 * keyhygiene on a loaded corpus, as the accuracy bench scores it: the preset's lint rules on the code files,
 * and the audit (scanner API, default options) on the config files. `lintResults` are ESLint's results (with
 * `suppressedMessages`), for a caller that wants more than the findings.
 * @param {'recommended' | 'strict'} preset
 * @param {ReturnType<typeof loadCorpus>} c
 * @param {{ audit?: boolean }} [options] `audit: false` skips the config files' audit (lint only)
 */
export async function keyhygieneRun(preset, c, options = {}) {
  const plugin = await loadKeyhygiene();
  const ruleCats = keyhygieneCategories(plugin, preset);
  const covers = new Set(Object.values(ruleCats));
  for (const [id, byMessage] of Object.entries(KEYHYGIENE_MESSAGE_CATEGORY))
    if (ruleCats[id]) for (const cat of Object.values(byMessage)) covers.add(cat);
  const ruleCategory = (id, messageId) => KEYHYGIENE_MESSAGE_CATEGORY[id]?.[messageId] ?? ruleCats[id];
  const started = performance.now();
  const tool = preset === 'recommended' ? 'keyhygiene' : 'keyhygiene-strict';
  const lintResults = await lintFiles(
    tool,
    c.corpus,
    c.codeFiles.map((f) => join(c.corpus, f)),
  );
  const { findings, errors } = eslintFindings(lintResults, c.corpus, ruleCategory);
  const run = {
    plugin,
    ruleCategory,
    covers: [...covers],
    measured: c.codeFiles,
    notes: [`rules: ${Object.keys(ruleCats).join(', ') || '(none)'}`],
    findings,
    errors,
    lintResults,
    ms: performance.now() - started,
  };
  const scanner = options.audit === false ? undefined : await loadScanner();
  if (options.audit === false) run.notes.push('config files (CONFIG_FILE): not audited in this run');
  else if (scanner && c.configFiles.length) {
    const auditStarted = performance.now();
    try {
      const result = await scanner.audit({ root: c.corpus, history: false, workers: 1 });
      // One finding per secret: a value repeated in several files is one finding whose other places are its
      // `occurrences`; each place is scored where it is.
      for (const f of result.findings ?? []) {
        for (const place of [f.location, ...(f.occurrences ?? [])]) {
          const file = posix(place.file);
          if (!CONFIG_FILE.test(file) || !c.fileSet.has(file)) continue;
          run.findings.push({ file, line: place.line, category: f.category, ruleId: f.ruleId });
        }
      }
      run.measured = [...run.measured, ...c.configFiles];
      covers.add('hardcoded-key');
      run.covers = [...covers];
      run.notes.push(
        `config files (CONFIG_FILE): keyhygiene audit (scanner API), ${Math.round(performance.now() - auditStarted)} ms`,
      );
    } catch (e) {
      run.errors.push(`audit failed: ${String(e?.message ?? e).split('\n')[0]}`);
      run.notes.push('config files (CONFIG_FILE): not measured (the audit failed)');
    }
  } else if (c.configFiles.length) {
    run.notes.push('config files (CONFIG_FILE): not measured yet (dist/src/scanner audit() does not exist yet)');
  }
  return run;
}
