/**
 * The regression check of bench/real-speed.mjs, as pure functions (unit-tested with fixed figures in
 * test/scanner/bench-regressions.test.ts; the bench itself is never a timed test).
 *
 * The committed figures live in docs/benchmarks.md between the `real-speed` markers. Each phase (wall-clock)
 * is compared after scaling the committed figure by this run's parse-only wall time over the committed
 * one, and the audit's CPU by the parse-only CPU ratio, so a slower or busier machine does not read as a
 * regression. A figure more than `TOLERANCE` (25%) and `SLACK_MS` (1 s) over its scaled baseline regresses.
 */
export const BEGIN = '<!-- real-speed:begin (written by `node bench/real-speed.mjs --update`) -->';
export const END = '<!-- real-speed:end -->';
export const PHASES = ['walk', 'lint', 'text', 'crossFile', 'history'];
export const TOLERANCE = 1.25;
export const SLACK_MS = 1000;

const s = (ms) => (ms / 1000).toFixed(1);

/** The committed figures in a docs/benchmarks.md text; `[]` when the block is missing. */
export function baselineFrom(doc) {
  if (!doc.includes(BEGIN) || !doc.includes(END)) return [];
  const block = doc.slice(doc.indexOf(BEGIN) + BEGIN.length, doc.indexOf(END));
  const json = /```json\n([\s\S]*?)\n```/.exec(block)?.[1];
  return json ? JSON.parse(json) : [];
}

/** The doc with its figures block replaced by (or, without one, followed by) `results`. */
export function withBaseline(doc, results) {
  const text = `${BEGIN}\n\`\`\`json\n${JSON.stringify(results, null, 2)}\n\`\`\`\n${END}`;
  return doc.includes(BEGIN)
    ? doc.slice(0, doc.indexOf(BEGIN)) + text + doc.slice(doc.indexOf(END) + END.length)
    : `${doc.trimEnd()}\n\n${text}\n`;
}

/**
 * One line per figure of `results` that regressed against `baseline` (both arrays of per-repository
 * figures as the bench writes them), and the repositories that have no baseline.
 */
export function regressionsOf(results, baseline) {
  const regressions = [];
  const unknown = [];
  for (const r of results) {
    const b = baseline.find((x) => x.id === r.id);
    if (!b) {
      unknown.push(r.id);
      continue;
    }
    const wallScale = r.floorWallMs / b.floorWallMs;
    const cpuScale = r.floorCpuMs / b.floorCpuMs;
    const check = (what, now, then, scale) => {
      if (typeof then !== 'number' || typeof now !== 'number' || !Number.isFinite(scale)) return;
      const expected = then * scale;
      if (now > expected * TOLERANCE && now - expected > SLACK_MS)
        regressions.push(
          `${r.id}: ${what} ${s(now)} s against ${s(then)} s committed (${s(expected)} s after scaling by this run's parse-only time): +${Math.round((now / expected - 1) * 100)}%`,
        );
    };
    for (const p of PHASES) check(`phase ${p}`, r.phases?.[p], b.phases?.[p], wallScale);
    check('audit CPU', r.auditCpuMs, b.auditCpuMs, cpuScale);
    check('audit CPU in the default configuration', r.defaultCpuMs, b.defaultCpuMs, cpuScale);
    if (r.history && b.history)
      check('history phase (first run)', r.history.firstHistoryMs, b.history.firstHistoryMs, wallScale);
  }
  return { regressions, unknown };
}

/**
 * The machine's parallel ceiling: how much faster two independent parse-only ESLint processes finish side by
 * side than one after the other (`aloneWallMs` each). 2 on a machine where they do not slow each other down;
 * near 1 where memory bandwidth and V8's own helper threads already fill the cores. No analysis with two
 * threads can beat it on that machine.
 */
export function parallelCeiling(aloneWallMs, pairWallMs) {
  if (!(aloneWallMs > 0) || pairWallMs.length !== 2 || !pairWallMs.every((w) => w > 0))
    throw new RangeError('parallelCeiling needs one positive wall time alone and two side by side');
  return Number(((2 * aloneWallMs) / Math.max(...pairWallMs)).toFixed(2));
}

const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  const m = Math.floor(a.length / 2);
  return a.length % 2 === 1 ? a[m] : (a[m - 1] + a[m]) / 2;
};
const r2 = (x) => Number(x.toFixed(2));

/**
 * The CPU figures of interleaved rounds, each round parse-only ESLint, the `recommended` lint and the audit run one
 * after the other (`floorCpuMs`, `recommendedCpuMs`, `defaultCpuMs` per round). Every ratio is taken within its
 * round, so load that drifts between rounds (another job starting, the host's neighbours) divides out, and the
 * median across rounds is the figure; the audit's excess over the lint (audit ratio − lint ratio) is given per
 * round with its median, least and greatest, so a reader sees whether a difference of 0.1× is in the spread. One
 * round gives that round's figures and a spread of zero: what the bench printed before it had rounds.
 */
export function roundFigures(rounds) {
  const ok = (v) => typeof v === 'number' && v > 0;
  if (!Array.isArray(rounds) || rounds.length === 0) throw new RangeError('roundFigures needs at least one round');
  if (!rounds.every((r) => ok(r.floorCpuMs) && ok(r.recommendedCpuMs) && ok(r.defaultCpuMs)))
    throw new RangeError('every round needs positive floorCpuMs, recommendedCpuMs and defaultCpuMs');
  const lint = rounds.map((r) => r.recommendedCpuMs / r.floorCpuMs);
  const audit = rounds.map((r) => r.defaultCpuMs / r.floorCpuMs);
  const over = audit.map((a, i) => r2(a - lint[i]));
  return {
    rounds: rounds.length,
    floorCpuMs: Math.round(median(rounds.map((r) => r.floorCpuMs))),
    recommendedCpuMs: Math.round(median(rounds.map((r) => r.recommendedCpuMs))),
    defaultCpuMs: Math.round(median(rounds.map((r) => r.defaultCpuMs))),
    recommendedRatio: r2(median(lint)),
    defaultCpuRatio: r2(median(audit)),
    auditOverLint: { perRound: over, median: r2(median(over)), min: Math.min(...over), max: Math.max(...over) },
  };
}

/**
 * Per round, the audit's main thread against the lint's, on the main thread's own CPU clock (`threads.*.main` and
 * `mainCpu.*.verify`, as bench/lib/real-speed-run.mjs reports them): `verify` is the difference inside ESLint's
 * `Linter#verify` (the parse and the rules: the audit's rule set against `recommended`), `rest` the difference
 * outside it (the audit's own passes — text files, fingerprints, reads, content ids, walk, report — against the
 * ESLint class's own work). Undefined when any round lacks a figure (no clock: not Linux). Meaningful only when the
 * audit analyses on its main thread (the default configuration on up to 2 cores).
 */
export function mainThreadSplit(rounds) {
  const rows = rounds.map((x) => {
    const l = x.mainCpu?.lint;
    const a = x.mainCpu?.audit;
    const lm = x.threads?.lint?.main;
    const am = x.threads?.audit?.main;
    if (
      typeof l?.verify !== 'number' ||
      typeof a?.verify !== 'number' ||
      typeof lm !== 'number' ||
      typeof am !== 'number'
    )
      return undefined;
    return { verify: a.verify - l.verify, rest: am - a.verify - (lm - l.verify) };
  });
  return rows.length > 0 && rows.every(Boolean) ? rows : undefined;
}
