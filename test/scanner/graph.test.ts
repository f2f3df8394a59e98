/**
 * The module graph resolves specifiers the way TypeScript does (per tsconfig), maps build output back to
 * sources (project references, outDir, dist/), and finds workspace packages without node_modules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ts as tsMorphTs } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTarget, ModuleGraph, plainOptions, typescript } from '../../src/scanner/graph.js';

// As in an audit, the parser's TypeScript is loaded before the graph resolves anything: every case below
// resolves with it, and gives the answers ts-morph's copy gave before the graph stopped loading ts-morph.
const parserTs = createRequire(import.meta.url)('typescript') as typeof tsMorphTs;

let root: string;
const files: Record<string, string> = {
  // An app with `paths` and `baseUrl` in an extended tsconfig, NodeNext `.js` specifiers.
  'tsconfig.base.json': JSON.stringify({
    compilerOptions: {
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      baseUrl: '.',
      paths: { '@app/*': ['./apps/web/src/*'] },
    },
  }),
  'apps/web/tsconfig.json': JSON.stringify({
    extends: '../../tsconfig.base.json',
    compilerOptions: { baseUrl: '.', paths: { '@app/*': ['./src/*'], '~lib': ['./src/lib/index.ts'] } },
    references: [{ path: '../../packages/core' }],
  }),
  'apps/web/src/main.ts': '',
  'apps/web/src/config/keys.ts': '',
  'apps/web/src/lib/index.ts': '',
  'apps/web/src/util/index.ts': '',
  // A referenced project built to dist/, consumed through its declarations.
  'packages/core/tsconfig.json': JSON.stringify({
    compilerOptions: {
      composite: true,
      rootDir: 'src',
      outDir: 'dist',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
    },
  }),
  'packages/core/package.json': JSON.stringify({
    name: '@acme/core',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './crypto/*': './dist/crypto/*.js' },
  }),
  'packages/core/src/index.ts': '',
  'packages/core/src/crypto/keys.ts': '',
  // A plain JS workspace package with `main` only.
  'packages/legacy/package.json': JSON.stringify({ name: 'legacy', main: 'lib/index.js' }),
  'packages/legacy/src/index.js': '',
  // No tsconfig: bundler-style resolution.
  'scripts/tool.mjs': '',
  'scripts/helpers.js': '',
};

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kh-graph-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function graph(): ModuleGraph {
  const code = Object.keys(files).filter((f) => /\.[cm]?[jt]s$/.test(f));
  const manifests = Object.keys(files).filter((f) => f.endsWith('package.json'));
  return new ModuleGraph(
    root,
    new Set(code.map((f) => path.join(root, f))),
    manifests.map((f) => path.join(root, f)),
  );
}
const rel = (abs: string | undefined): string | undefined => abs && path.relative(root, abs).split(path.sep).join('/');

describe('ModuleGraph', () => {
  it('resolves relative specifiers, .js names of .ts sources and index files', () => {
    const g = graph();
    const main = path.join(root, 'apps/web/src/main.ts');
    expect(rel(g.resolve(main, './config/keys.js'))).toBe('apps/web/src/config/keys.ts');
    expect(rel(g.resolve(main, './util/index.js'))).toBe('apps/web/src/util/index.ts');
    expect(g.resolve(main, './missing.js')).toBeUndefined();
  });

  it('follows tsconfig paths and baseUrl, from the nearest tsconfig and what it extends', () => {
    const g = graph();
    const main = path.join(root, 'apps/web/src/main.ts');
    expect(rel(g.resolve(main, '@app/config/keys.js'))).toBe('apps/web/src/config/keys.ts');
    expect(rel(g.resolve(main, '~lib'))).toBe('apps/web/src/lib/index.ts');
    expect(g.ownerOf(main)).toBe(path.join(root, 'apps/web/tsconfig.json'));
  });

  it('maps a workspace package and its exports subpaths to the referenced project sources', () => {
    const g = graph();
    const main = path.join(root, 'apps/web/src/main.ts');
    expect(rel(g.resolve(main, '@acme/core'))).toBe('packages/core/src/index.ts');
    expect(rel(g.resolve(main, '@acme/core/crypto/keys'))).toBe('packages/core/src/crypto/keys.ts');
    expect(rel(g.resolve(path.join(root, 'scripts/tool.mjs'), 'legacy'))).toBe('packages/legacy/src/index.js');
    expect(g.tsconfigs.map(rel).sort()).toEqual(['apps/web/tsconfig.json', 'packages/core/tsconfig.json']);
  });

  it('resolves files outside any tsconfig with bundler resolution', () => {
    const g = graph();
    expect(rel(g.resolve(path.join(root, 'scripts/tool.mjs'), './helpers'))).toBe('scripts/helpers.js');
  });

  it('never resolves built-ins or packages that are not in the repository', () => {
    const g = graph();
    const main = path.join(root, 'apps/web/src/main.ts');
    expect(g.resolve(main, 'node:crypto')).toBeUndefined();
    expect(g.resolve(main, 'crypto')).toBeUndefined();
    expect(g.resolve(main, 'jsonwebtoken')).toBeUndefined();
  });
});

describe('the resolver the graph runs', () => {
  it('is the TypeScript the parser loaded, when one is loaded, so an audit never loads ts-morph for the join', () => {
    expect(typescript()).toBe(parserTs);
    expect(typescript()).not.toBe(tsMorphTs);
  });

  it('gets compiler options whose enum values are those of ts-morph and of the parser TypeScript', () => {
    for (const t of [tsMorphTs, parserTs]) {
      expect(plainOptions.target).toBe(t.ScriptTarget.ES2022);
      expect(plainOptions.module).toBe(t.ModuleKind.ESNext);
      expect(plainOptions.moduleResolution).toBe(t.ModuleResolutionKind.Bundler);
      expect(plainOptions.jsx).toBe(t.JsxEmit.Preserve);
    }
  });
});

describe('exportTarget', () => {
  it('reads strings, conditions, subpaths and patterns', () => {
    expect(exportTarget('./dist/index.js', '.')).toBe('./dist/index.js');
    expect(exportTarget({ import: './esm/index.js', require: './cjs/index.js' }, '.')).toBe('./esm/index.js');
    expect(exportTarget({ '.': { node: { types: './a.d.ts' } }, './x': './x.js' }, '.')).toBe('./a.d.ts');
    expect(exportTarget({ './utils/*': './dist/utils/*.js' }, './utils/rand')).toBe('./dist/utils/rand.js');
    expect(exportTarget({ './x': './x.js' }, './y')).toBeUndefined();
  });
});
