/**
 * The real-speed bench's regression check (bench/lib/real-speed-compare.mjs) on fixed figures: no timing
 * here. The bench exits 1 with a `REAL-SPEED REGRESSION` list when `regressionsOf` returns any line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BEGIN,
  END,
  baselineFrom,
  mainThreadSplit,
  parallelCeiling,
  regressionsOf,
  roundFigures,
  withBaseline,
  type RealSpeedFigures,
} from '../../bench/lib/real-speed-compare.mjs';

const committed: RealSpeedFigures = {
  id: 'typeorm',
  floorCpuMs: 20_000,
  floorWallMs: 40_000,
  auditCpuMs: 30_000,
  phases: { walk: 500, lint: 40_000, text: 3_000, crossFile: 1_500, history: 0 },
};
const run = (over: Partial<RealSpeedFigures>, phases: RealSpeedFigures['phases'] = {}): RealSpeedFigures => ({
  ...committed,
  ...over,
  phases: { ...committed.phases, ...phases },
});

describe('regressionsOf', () => {
  it('passes the committed figures themselves and anything within 25%', () => {
    expect(regressionsOf([committed], [committed]).regressions).toEqual([]);
    expect(regressionsOf([run({ auditCpuMs: 37_000 }, { lint: 49_000 })], [committed]).regressions).toEqual([]);
  });

  it('fails a phase more than 25% and 1 s over, naming it', () => {
    const { regressions } = regressionsOf([run({}, { lint: 52_000 })], [committed]);
    expect(regressions).toEqual([
      "typeorm: phase lint 52.0 s against 40.0 s committed (40.0 s after scaling by this run's parse-only time): +30%",
    ]);
  });

  it('fails the audit CPU more than 25% over, scaled by the parse-only CPU', () => {
    expect(regressionsOf([run({ auditCpuMs: 38_000 })], [committed]).regressions).toEqual([
      "typeorm: audit CPU 38.0 s against 30.0 s committed (30.0 s after scaling by this run's parse-only time): +27%",
    ]);
    // The same CPU on a machine that parses 40% slower is no regression.
    expect(regressionsOf([run({ auditCpuMs: 38_000, floorCpuMs: 28_000 })], [committed]).regressions).toEqual([]);
  });

  it('scales wall-clock phases by the parse-only wall time, and ignores small absolute changes', () => {
    // Twice as slow a machine: twice the lint time is expected.
    expect(regressionsOf([run({ floorWallMs: 80_000 }, { lint: 80_000 })], [committed]).regressions).toEqual([]);
    // +100% but under 1 s in absolute terms.
    expect(regressionsOf([run({}, { walk: 1_000 })], [committed]).regressions).toEqual([]);
    // A phase the baseline does not have is not compared.
    expect(regressionsOf([run({}, { lint: 40_000 })], [{ ...committed, phases: {} }]).regressions).toEqual([]);
  });

  it('compares the first history run when both have one, and reports repositories without a baseline', () => {
    const withHistory = { ...committed, history: { firstHistoryMs: 300_000 } };
    expect(
      regressionsOf([{ ...withHistory, history: { firstHistoryMs: 400_000 } }], [withHistory]).regressions,
    ).toEqual([
      "typeorm: history phase (first run) 400.0 s against 300.0 s committed (300.0 s after scaling by this run's parse-only time): +33%",
    ]);
    expect(regressionsOf([{ ...committed, id: 'new-repo' }], [committed])).toEqual({
      regressions: [],
      unknown: ['new-repo'],
    });
  });
});

describe('the default configuration and the parallel ceiling', () => {
  it("checks the default configuration's CPU when the committed block has it, scaled like the rest", () => {
    const withDefault = { ...committed, defaultCpuMs: 26_000 };
    expect(regressionsOf([{ ...withDefault, defaultCpuMs: 33_000 }], [withDefault]).regressions).toEqual([
      "typeorm: audit CPU in the default configuration 33.0 s against 26.0 s committed (26.0 s after scaling by this run's parse-only time): +27%",
    ]);
    expect(regressionsOf([{ ...withDefault, defaultCpuMs: 32_000 }], [withDefault]).regressions).toEqual([]);
    // A block written before the default run was measured has nothing to compare it with.
    expect(regressionsOf([{ ...committed, defaultCpuMs: 90_000 }], [committed]).regressions).toEqual([]);
  });

  it('is two processes side by side against one after the other', () => {
    // the lead's figures on the 2-vCPU VM: 10.9 s alone, 19.0 and 19.4 s side by side
    expect(parallelCeiling(10_900, [19_000, 19_400])).toBe(1.12);
    expect(parallelCeiling(10_000, [10_000, 10_000])).toBe(2);
    expect(() => parallelCeiling(0, [1, 1])).toThrow(RangeError);
    expect(() => parallelCeiling(10, [10])).toThrow(RangeError);
  });
});

describe('the committed figures block', () => {
  it('round-trips through withBaseline and baselineFrom, and is present in docs/benchmarks.md', () => {
    const doc = withBaseline('# Benchmarks\n\ntext\n', [committed]);
    expect(doc).toContain(BEGIN);
    expect(doc).toContain(END);
    expect(baselineFrom(doc)).toEqual([committed]);
    expect(baselineFrom(withBaseline(doc, [run({ auditCpuMs: 1 })]))[0]?.auditCpuMs).toBe(1);
    expect(baselineFrom('# no block')).toEqual([]);
    const real = baselineFrom(readFileSync(new URL('../../docs/benchmarks.md', import.meta.url), 'utf8'));
    expect(real.map((r) => r.id)).toEqual(['typeorm', 'trpc', 'juice-shop']);
  });
});

describe('interleaved rounds (roundFigures)', () => {
  it('takes each ratio within its round, then the median, so load drifting between rounds divides out', () => {
    // Round 2 ran with the machine 50% busier: every run in it is 50% dearer, its ratios are the same.
    const fig = roundFigures([
      { floorCpuMs: 20_000, recommendedCpuMs: 26_000, defaultCpuMs: 28_000 },
      { floorCpuMs: 30_000, recommendedCpuMs: 39_000, defaultCpuMs: 42_000 },
      { floorCpuMs: 20_000, recommendedCpuMs: 25_000, defaultCpuMs: 29_000 },
    ]);
    expect(fig).toEqual({
      rounds: 3,
      floorCpuMs: 20_000,
      recommendedCpuMs: 26_000,
      defaultCpuMs: 29_000,
      recommendedRatio: 1.3,
      defaultCpuRatio: 1.4,
      auditOverLint: { perRound: [0.1, 0.1, 0.2], median: 0.1, min: 0.1, max: 0.2 },
    });
  });

  it('shows one noisy run as spread rather than as the figure', () => {
    // One audit run caught a neighbour's burst (+30%): the median of three is the quiet rounds' excess.
    const fig = roundFigures([
      { floorCpuMs: 26_000, recommendedCpuMs: 34_000, defaultCpuMs: 36_000 },
      { floorCpuMs: 26_000, recommendedCpuMs: 34_000, defaultCpuMs: 46_800 },
      { floorCpuMs: 26_000, recommendedCpuMs: 34_000, defaultCpuMs: 36_500 },
    ]);
    expect(fig.auditOverLint.median).toBe(0.1);
    expect(fig.auditOverLint.max).toBe(0.49);
    expect(fig.defaultCpuRatio).toBe(1.4);
  });

  it('gives one round as it is (what the bench printed before it had rounds), and an even count its middle pair', () => {
    expect(roundFigures([{ floorCpuMs: 26_480, recommendedCpuMs: 33_880, defaultCpuMs: 45_120 }])).toMatchObject({
      recommendedRatio: 1.28,
      defaultCpuRatio: 1.7,
      auditOverLint: { perRound: [0.42], median: 0.42, min: 0.42, max: 0.42 },
    });
    const two = roundFigures([
      { floorCpuMs: 10_000, recommendedCpuMs: 12_000, defaultCpuMs: 13_000 },
      { floorCpuMs: 10_000, recommendedCpuMs: 14_000, defaultCpuMs: 15_000 },
    ]);
    expect(two.recommendedRatio).toBe(1.3);
    expect(two.recommendedCpuMs).toBe(13_000);
  });

  it('refuses no rounds and a round without a positive figure', () => {
    expect(() => roundFigures([])).toThrow(RangeError);
    expect(() => roundFigures([{ floorCpuMs: 0, recommendedCpuMs: 1, defaultCpuMs: 1 }])).toThrow(RangeError);
    expect(() =>
      roundFigures([{ floorCpuMs: 1, recommendedCpuMs: 1 } as unknown as Parameters<typeof roundFigures>[0][0]]),
    ).toThrow(RangeError);
  });
});

describe('the audit against the lint on the main thread (mainThreadSplit)', () => {
  it("splits each round into the difference inside ESLint's verify and the difference outside it", () => {
    // Round 1: the audit's rules cost 0.3 s less than the lint's in verify, its own passes 1.5 s more outside.
    // Round 2: the same runs 50% dearer throughout (a busier machine): the split scales with them.
    const split = mainThreadSplit([
      {
        threads: { lint: { main: 7_000 }, audit: { main: 8_200 } },
        mainCpu: { lint: { verify: 5_500 }, audit: { verify: 5_200 } },
      },
      {
        threads: { lint: { main: 10_500 }, audit: { main: 12_300 } },
        mainCpu: { lint: { verify: 8_250 }, audit: { verify: 7_800 } },
      },
    ]);
    expect(split).toEqual([
      { verify: -300, rest: 1_500 },
      { verify: -450, rest: 2_250 },
    ]);
  });

  it('gives nothing when a round has no clock (not Linux) or no rounds were run', () => {
    expect(mainThreadSplit([])).toBeUndefined();
    expect(
      mainThreadSplit([
        {
          threads: { lint: { main: 7_000 }, audit: { main: 8_200 } },
          mainCpu: { lint: { verify: 5_500 }, audit: { verify: 5_200 } },
        },
        { threads: { lint: { main: 7_000 }, audit: { main: 8_200 } } },
      ]),
    ).toBeUndefined();
  });
});
