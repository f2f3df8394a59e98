/**
 * The audit's module summariser (src/rule-kit/flow/summary.ts) asks, of every call in a file, whether a weak random
 * source, a KMS key creation or a CDK key describes it. It asks each list once per distinct callee path (the list's
 * exact prefilter, then a memo), not each pattern once per call: on typeorm that was 35 weak sources and every key
 * creation tried for each of its calls. The figures here are counts of pattern-matcher runs, not times: every
 * matcher `shapeMatcher` builds is wrapped to count its runs.
 */
import { describe, expect, it, vi } from 'vitest';

const runs = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/rule-kit/sinks.js', async (importOriginal) => {
  const sinks = await importOriginal<typeof import('../../src/rule-kit/sinks.js')>();
  return {
    ...sinks,
    shapeMatcher: (...args: Parameters<typeof sinks.shapeMatcher>) => {
      const match = sinks.shapeMatcher(...args);
      return (cp: Parameters<typeof match>[0]) => {
        runs.n++;
        return match(cp);
      };
    },
  };
});

const { summariseText } = await import('../../src/scanner/detect/lint.js');
const { weakRandomSources } = await import('../../src/catalogue/randomness.js');

/** A file whose nine call sites (weak sources, local calls, key creations) are each repeated `times` times. */
function file(times: number, tag: string): string {
  const calls = [
    'Date.now()',
    'Math.random()',
    'new Date()',
    'performance.now()',
    `uuid.v1()`,
    `this.repo${tag}.save()`,
    `items${tag}.map(String)`,
    `client.send(new CreateKeyCommand({}))`,
    `new kms.Key(null as never, 'K')`,
  ];
  const body = Array.from({ length: times }, () => calls.map((c) => `  out.push(${c});`).join('\n')).join('\n');
  return [
    "import * as uuid from 'uuid';",
    "import * as kms from 'aws-cdk-lib/aws-kms';",
    "import { KMSClient, CreateKeyCommand } from '@aws-sdk/client-kms';",
    'const client = new KMSClient({});',
    `export function weak${tag}(items${tag}: string[]) {`,
    '  const out: unknown[] = [];',
    body,
    '  return Math.random().toString(36);',
    '}',
  ].join('\n');
}

describe('call matching in the module summary', () => {
  it('runs each pattern at most once per distinct callee path, however often the path is called', () => {
    const listSizes = weakRandomSources.length + 64; // the weak sources and (generously) the key-creation lists
    const distinctPaths = 12; // a generous bound on the distinct callee paths above that pass a list's prefilter
    runs.n = 0;
    const once = summariseText('/app', '/app/a.ts', file(1, 'A'));
    const onceRuns = runs.n;
    runs.n = 0;
    const many = summariseText('/app', '/app/b.ts', file(200, 'B'));
    const manyRuns = runs.n;
    // The facts are the same whatever the repetition: a weak helper, a KMS key created, a CDK key.
    for (const s of [once, many]) {
      expect(s?.createsKey).toBe(true);
      expect(s?.cdkKey).toBe(true);
    }
    expect(once?.weakHelpers).toEqual(['weakA']);
    expect(many?.weakHelpers).toEqual(['weakB']);
    // 200 × 19 calls: asking each pattern of each list once per call ran the matchers 129,296 times (now: none, the
    // paths being known from the first file, which ran 37).
    expect(onceRuns).toBeGreaterThan(0);
    expect(manyRuns).toBeLessThanOrEqual(distinctPaths * listSizes);
  });

  it('answers a path seen before from the memo, in another file too', () => {
    summariseText('/app', '/app/c.ts', file(3, 'C'));
    runs.n = 0;
    const again = summariseText('/app', '/app/d.ts', file(3, 'C'));
    expect(again?.weakHelpers).toEqual(['weakC']);
    expect(runs.n).toBe(0);
  });
});
