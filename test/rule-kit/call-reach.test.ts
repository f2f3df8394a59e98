/**
 * `reachOf`, the exact prefilter in front of the call matchers (session 21, branch `speedr`): it may answer "no
 * shape here can describe this call" only when every matcher would say no. Checked against the real catalogue
 * lists and their own matchers, on callee paths built from the catalogue's modules, receivers and callees (each
 * kind of match once, glob callees spelled out), and on the local calls it exists to skip.
 */
import { describe, expect, it } from 'vitest';
import { credentialClients } from '../../src/catalogue/clients.js';
import { fileDeletionApis, keyImports, keyProducers } from '../../src/catalogue/deletion.js';
import { loggerFactories, plaintextFileWrites, reportingSinks } from '../../src/catalogue/loggers.js';
import { purposeSinks, strongRandomSources, weakRandomSources } from '../../src/catalogue/randomness.js';
import { keySinks } from '../../src/catalogue/sinks.js';
import type { CallPattern } from '../../src/catalogue/types.js';
import {
  firstMatchingPattern,
  patternMatches,
  patternsMatching,
  patternsReach,
} from '../../src/rule-kit/call-patterns.js';
import { algorithmSites } from '../../src/catalogue/algorithms.js';
import { iacKeyResources } from '../../src/catalogue/iac.js';
import { kdfSites, plainHashSites } from '../../src/catalogue/kdf.js';
import {
  anyShapeMatches,
  keySinksMatching,
  reachOf,
  shapesMatching,
  sinkMatches,
  type CalleePath,
} from '../../src/rule-kit/sinks.js';

/** A glob callee spelled as a call would be (`*` → `x`), so the glob-matching paths are exercised too. */
const spelled = (callee: string): string => callee.replace(/\*/g, 'x');

interface Shape {
  readonly modules: readonly string[];
  readonly callees: readonly string[];
  readonly global?: boolean;
  readonly receivers?: readonly string[];
}

/** Callee paths that each shape of `shapes` describes in each way it can: from a module, on a receiver, as a global. */
function pathsFor(shapes: readonly Shape[]): CalleePath[] {
  const out: CalleePath[] = [];
  for (const s of shapes) {
    for (const callee of s.callees.map(spelled)) {
      const bare = callee.replace(/^new /, '');
      const isNew = callee.startsWith('new ');
      for (const module of s.modules.map(spelled)) {
        out.push({ root: 'lib', binding: { module, imported: '*' }, path: callee, fullPath: `lib.${callee}` });
        out.push({ root: 'lib', binding: { module: `node:${module}`, imported: '*' }, path: callee, fullPath: callee });
      }
      for (const root of s.receivers ?? [])
        out.push({ root, path: callee, fullPath: `${isNew ? 'new ' : ''}${root}.${bare}` });
      if (s.global) {
        out.push({ root: 'window', path: callee, fullPath: `window.${callee}` });
        out.push({ root: bare.split('.')[0]!, path: callee, fullPath: callee });
      }
    }
  }
  return out;
}

/** Calls no catalogue entry describes: what most of a real repository's calls look like. */
const LOCAL: CalleePath[] = [
  { root: 'this', path: 'this.repository.save', fullPath: 'this.repository.save' },
  { root: 'items', path: 'items.map', fullPath: 'items.map' },
  { root: 'helper', binding: { module: './utils/helper', imported: 'helper' }, path: 'helper', fullPath: 'helper' },
  { root: 'queryRunner', path: 'queryRunner.query', fullPath: 'queryRunner.query' },
];

const patternLists: Record<string, readonly CallPattern[]> = {
  credentialClients,
  fileDeletionApis,
  keyProducers,
  loggerFactories,
  plaintextFileWrites,
  reportingSinks,
  randomSources: [...weakRandomSources.filter((s) => !s.member), ...strongRandomSources],
};

describe('reachOf never turns away a call that a matcher accepts', () => {
  it('holds for every key sink, on paths built from every sink', () => {
    const reach = reachOf(keySinks);
    const paths = [...pathsFor(keySinks.map((s) => ({ ...s, callees: [s.callee] }))), ...LOCAL];
    let matched = 0;
    for (const cp of paths) {
      const accepted = keySinks.filter((s) => sinkMatches(s, cp));
      matched += accepted.length;
      if (accepted.length > 0) expect(reach(cp), `${cp.fullPath} from ${cp.binding?.module ?? '-'}`).toBe(true);
      // keySinksMatching answers with the prefilter first: the same sinks, in catalogue order.
      expect(keySinksMatching(cp)).toEqual(accepted);
    }
    // The paths do exercise the matchers: most of them are a sink's call.
    expect(matched).toBeGreaterThan(paths.length / 2);
  });

  for (const [name, list] of Object.entries(patternLists)) {
    it(`holds for every pattern of ${name}`, () => {
      const reach = reachOf(list);
      const paths = [...pathsFor(list), ...LOCAL];
      let matched = 0;
      for (const cp of paths) {
        // The reference: each callee through the sink matcher, which has no prefilter (`shapeMatcher`'s contract).
        const accepted = list.filter((p) => p.callees.some((callee) => sinkMatches({ ...p, callee }, cp)));
        matched += accepted.length;
        if (accepted.length > 0) expect(reach(cp), `${cp.fullPath} from ${cp.binding?.module ?? '-'}`).toBe(true);
        expect(list.filter((p) => patternMatches(p, cp))).toEqual(accepted);
      }
      expect(matched).toBeGreaterThan(0);
    });
  }

  it('turns away local calls, and keeps a global callee at the end of a longer path', () => {
    const reach = reachOf([...keySinks, ...Object.values(patternLists).flat()]);
    for (const cp of LOCAL) expect(reach(cp), cp.fullPath).toBe(false);
    const subtle = reachOf([{ modules: [], callee: 'subtle.importKey', global: true }]);
    expect(subtle({ root: 'globalThis', path: '', fullPath: 'globalThis.crypto.subtle.importKey' })).toBe(true);
    expect(subtle({ root: 'subtle', path: '', fullPath: 'subtle.importKey' })).toBe(true);
    expect(subtle({ root: 'x', path: '', fullPath: 'x.notsubtle.importKey' })).toBe(false);
    expect(subtle({ root: 'x', path: '', fullPath: 'x.subtle.importKeys' })).toBe(false);
  });

  it('compares a global callee only at a dot boundary or whole (session 22: no substring per dot)', () => {
    const reach = reachOf([{ modules: [], callees: ['getRandomValues', 'crypto.randomUUID'], global: true }]);
    const at = (fullPath: string): boolean => reach({ root: 'x', path: '', fullPath });
    expect(at('getRandomValues')).toBe(true);
    expect(at('window.crypto.getRandomValues')).toBe(true);
    expect(at('crypto.randomUUID')).toBe(true);
    expect(at('globalThis.crypto.randomUUID')).toBe(true);
    expect(at('xgetRandomValues')).toBe(false);
    expect(at('mycrypto.randomUUID')).toBe(false);
    expect(at('randomUUID')).toBe(false);
    expect(at('crypto.randomUUID.bind')).toBe(false);
    // The same path asked of two matchers in turn (the last segment is kept per path).
    const other = reachOf([{ modules: [], callees: ['randomUUID'], global: true }]);
    const cp: CalleePath = { root: 'self', path: '', fullPath: 'self.crypto.randomUUID' };
    expect([reach(cp), other(cp), reach({ root: 'a', path: '', fullPath: 'a.b' }), other(cp)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });
});

/** The catalogue's site lists (shaped like sinks), as shapes for `pathsFor`. */
const siteLists = {
  algorithmSites,
  kdfSites,
  plainHashSites,
  iacKeyResources: iacKeyResources.flatMap((r) => [...r.match, ...(r.companion?.match ?? [])]),
};

describe("shapesMatching and anyShapeMatches give the plain filter's answer", () => {
  for (const [name, list] of Object.entries(siteLists)) {
    it(`for ${name}`, () => {
      const of = shapesMatching<(typeof list)[number]>(list);
      const paths = [...pathsFor(list.map((s) => ({ ...s, callees: [s.callee] }))), ...LOCAL];
      let matched = 0;
      for (const cp of paths) {
        const accepted = list.filter((s) => sinkMatches(s, cp));
        matched += accepted.length;
        expect(of(cp), `${cp.fullPath} from ${cp.binding?.module ?? '-'}`).toEqual(accepted);
        // Asked again (the remembered answer), and through a copy of the path (the memo key, not the object).
        expect(of({ ...cp })).toEqual(accepted);
        expect(anyShapeMatches(list, cp)).toBe(accepted.length > 0);
      }
      expect(matched).toBeGreaterThan(paths.length / 3);
      for (const cp of LOCAL) expect(of(cp)).toEqual([]);
    });
  }
});

describe("firstMatchingPattern and patternsReach give the plain walk's answer", () => {
  const lists: Record<string, readonly CallPattern[]> = { ...patternLists, purposeSinks, keyImports };
  for (const [name, list] of Object.entries(lists)) {
    it(`for ${name}`, () => {
      const paths = [...pathsFor(list), ...LOCAL];
      let found = 0;
      for (const cp of paths) {
        const first = list.find((p) => patternMatches(p, cp));
        if (first) found++;
        expect(firstMatchingPattern(list, cp), cp.fullPath).toBe(first);
        if (first) expect(patternsReach(list, cp), cp.fullPath).toBe(true);
      }
      expect(found).toBeGreaterThan(0);
      for (const cp of LOCAL) expect(patternsReach(list, cp), cp.fullPath).toBe(false);
    });
  }
});

describe("patternsMatching gives the plain filter's answer (session 24)", () => {
  const lists: Record<string, readonly CallPattern[]> = { ...patternLists, purposeSinks, keyImports };
  for (const [name, list] of Object.entries(lists)) {
    it(`for ${name}`, () => {
      let matched = 0;
      for (const cp of [...pathsFor(list), ...LOCAL]) {
        const all = list.filter((p) => patternMatches(p, cp));
        if (all.length > 0) matched++;
        expect(patternsMatching(list, cp), cp.fullPath).toEqual(all);
        // Asked again (the remembered answer), and through a copy of the path (the memo key, not the object).
        expect(patternsMatching(list, { ...cp }), cp.fullPath).toEqual(all);
      }
      expect(matched).toBeGreaterThan(0);
      for (const cp of LOCAL) expect(patternsMatching(list, cp)).toEqual([]);
    });
  }
});
