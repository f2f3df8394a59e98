/**
 * Scoring for the accuracy benchmark: match findings to labels by file, category and line.
 * Pure functions (no I/O), so test/bench can check them on toy input.
 */

/** The hazard families, in report order (the same as src/catalogue/types.ts `Category`). */
export const CATEGORIES = Object.freeze([
  'hardcoded-key',
  'weak-randomness',
  'static-iv',
  'password-as-key',
  'weak-algorithm',
  'missing-rotation',
  'unsafe-deletion',
  'logged-key',
]);

/**
 * Match findings to labels.
 * - A finding matches a label when file and category agree and its line is within `tolerance` of the
 *   label's `line` or of one of its `alt` lines (multi-line constructs, a value declared above its sink).
 * - Each label is matched at most once (closest finding first). A further finding within tolerance of an
 *   already matched label is a duplicate report of the same mistake: counted as `dup`, not as a false positive.
 * - Findings are de-duplicated on (file, line, category) first, so two rules of one tool flagging the
 *   same line count once.
 * @param {readonly {file:string,line:number,category:string,alt?:number[]}[]} labels
 * @param {readonly {file:string,line:number,category:string,ruleId?:string}[]} findings
 * @param {{ tolerance?: number, categories?: readonly string[] }} [options]
 */
export function score(labels, findings, options = {}) {
  const tolerance = options.tolerance ?? 1;
  const categories = options.categories ?? CATEGORIES;
  const seen = new Set();
  const unique = [];
  for (const f of findings) {
    if (!categories.includes(f.category)) continue;
    const k = `${f.file}\0${f.line}\0${f.category}`;
    if (seen.has(k)) continue;
    seen.add(k);
    unique.push(f);
  }
  const lab = labels.filter((l) => categories.includes(l.category));
  const distance = (l, f) => Math.min(...[l.line, ...(l.alt ?? [])].map((x) => Math.abs(x - f.line)));
  /** candidate pairs, closest first */
  const pairs = [];
  unique.forEach((f, fi) => {
    lab.forEach((l, li) => {
      if (l.file !== f.file || l.category !== f.category) return;
      const d = distance(l, f);
      if (d <= tolerance) pairs.push({ fi, li, d });
    });
  });
  pairs.sort((a, b) => a.d - b.d || a.li - b.li || a.fi - b.fi);
  const fMatched = new Map();
  const lMatched = new Set();
  for (const p of pairs) {
    if (fMatched.has(p.fi) || lMatched.has(p.li)) continue;
    fMatched.set(p.fi, p.li);
    lMatched.add(p.li);
  }
  const near = new Set(pairs.map((p) => p.fi));
  const per = Object.fromEntries(categories.map((c) => [c, { tp: 0, fp: 0, fn: 0, dup: 0 }]));
  const falsePositives = [];
  const falseNegatives = [];
  unique.forEach((f, fi) => {
    if (fMatched.has(fi)) per[f.category].tp++;
    else if (near.has(fi)) per[f.category].dup++;
    else {
      per[f.category].fp++;
      falsePositives.push(f);
    }
  });
  lab.forEach((l, li) => {
    if (!lMatched.has(li)) {
      per[l.category].fn++;
      falseNegatives.push(l);
    }
  });
  return { perCategory: per, falsePositives, falseNegatives };
}

/** Precision, recall and F1; `null` where the ratio is undefined (nothing reported, nothing to find). */
export function metrics({ tp, fp, fn }) {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? precision === 0 || recall === 0
        ? 0
        : null
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Sum of per-category counts (micro average input). */
export function total(perCategory, categories = Object.keys(perCategory)) {
  const t = { tp: 0, fp: 0, fn: 0, dup: 0 };
  for (const c of categories) for (const k of Object.keys(t)) t[k] += perCategory[c]?.[k] ?? 0;
  return t;
}
