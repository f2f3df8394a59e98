/**
 * The real editor client: start the ESLint language server that VS Code and other editors use
 * (`vscode-eslint-language-server` from vscode-langservers-extracted) over stdio, in a workspace whose
 * eslint.config.mjs enables `keyhygiene.configs.recommended`, and check what a user would see:
 * diagnostics with our rule ids, our suggestions offered as code actions, and the text after applying one.
 * Protocol details: /work/shared/notes/editor.md (pull diagnostics, workspace/configuration, applySuggestion).
 * Needs dist/ (the `pretest` script builds it).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, LspClient, type Range, type TextEdit } from './lsp-client.js';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const SERVER = join(
  dirname(require.resolve('vscode-langservers-extracted/package.json')),
  'bin',
  'vscode-eslint-language-server',
);

interface Diagnostic {
  range: Range;
  message: string;
  code?: string | number;
  source?: string;
  severity?: number;
  data?: unknown;
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: Command;
  edit?: {
    changes?: Record<string, TextEdit[]>;
    documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
  };
}

// The key is made at test time, so nothing secret is committed.
const KEY = randomBytes(32).toString('hex');
const SOURCE = [
  "import jwt from 'jsonwebtoken';",
  '',
  `const JWT_SECRET = '${KEY}';`,
  '',
  'export function issue(userId: string): string {',
  '  return jwt.sign({ sub: userId }, JWT_SECRET);',
  '}',
  '',
  'export function passwordResetToken(): string {',
  '  return Math.random().toString(36).slice(2);',
  '}',
  '',
].join('\n');

let ws: string;
let client: LspClient;
let uri: string;
let folderUri: string;
let pluginRules: Set<string>;
let diagnostics: Diagnostic[] = [];

const settings = () => ({
  validate: 'on',
  run: 'onType',
  useFlatConfig: true,
  experimental: {},
  workingDirectory: { mode: 'location' },
  workspaceFolder: { name: 'ws', uri: folderUri },
  codeAction: {
    disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
    showDocumentation: { enable: true },
  },
  codeActionOnSave: { mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  problems: { shortenToSingleLine: false },
  nodePath: null,
  packageManager: 'npm',
});

/** Pull diagnostics until ESLint has loaded (the first pulls can come back empty), bounded. */
async function pullDiagnostics(deadlineMs = 45_000): Promise<Diagnostic[]> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const res = await client.request<{ items?: Diagnostic[] }>(
      'textDocument/diagnostic',
      { textDocument: { uri } },
      30_000,
    );
    const items = res?.items ?? [];
    if (items.some((d) => String(d.code ?? '').startsWith('keyhygiene/')) || Date.now() > until) return items;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('vscode-eslint-language-server with keyhygiene.configs.recommended', () => {
  beforeAll(async () => {
    const plugin = (await import(pathToFileURL(join(ROOT, 'dist', 'src', 'plugin.js')).href)) as {
      default: { rules: Record<string, unknown> };
    };
    pluginRules = new Set(Object.keys(plugin.default.rules).map((r) => `keyhygiene/${r}`));

    ws = mkdtempSync(join(tmpdir(), 'kh-lsp-'));
    mkdirSync(join(ws, 'node_modules'));
    mkdirSync(join(ws, 'src'));
    symlinkSync(join(ROOT, 'node_modules', 'eslint'), join(ws, 'node_modules', 'eslint'), 'dir');
    // The package link a user gets from `npm i -D keyhygiene`: package.json `exports` point at dist/.
    symlinkSync(ROOT, join(ws, 'node_modules', 'keyhygiene'), 'dir');
    writeFileSync(join(ws, 'package.json'), JSON.stringify({ name: 'lsp-ws', private: true, type: 'module' }));
    writeFileSync(
      join(ws, 'eslint.config.mjs'),
      "import keyhygiene from 'keyhygiene';\n\nexport default [keyhygiene.configs.recommended];\n",
    );
    const file = join(ws, 'src', 'auth.ts');
    writeFileSync(file, SOURCE);
    uri = pathToFileURL(file).href;
    folderUri = pathToFileURL(ws).href;

    client = new LspClient(process.execPath, [SERVER, '--stdio'], ws);
    client.onRequest('workspace/configuration', (p) =>
      ((p as { items: unknown[] }).items ?? [{}]).map(() => settings()),
    );
    client.onRequest('workspace/applyEdit', () => ({ applied: true }));
    await client.request(
      'initialize',
      {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'ws' }],
        capabilities: {
          workspace: {
            configuration: true,
            applyEdit: true,
            workspaceFolders: true,
            workspaceEdit: { documentChanges: true },
          },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            diagnostic: { dynamicRegistration: false },
            publishDiagnostics: {},
            codeAction: {
              dynamicRegistration: false,
              codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source'] } },
            },
          },
        },
      },
      30_000,
    );
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text: SOURCE },
    });
    diagnostics = await pullDiagnostics();
  }, 90_000);

  afterAll(() => {
    client?.kill();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  it('reports the hardcoded key under keyhygiene/no-hardcoded-key, without the key in the message', () => {
    const hk = diagnostics.filter((d) => d.code === 'keyhygiene/no-hardcoded-key');
    expect(
      hk,
      `diagnostics: ${JSON.stringify(diagnostics)}\nserver stderr: ${client.stderr.join('').slice(-1500)}`,
    ).toHaveLength(1);
    expect(hk[0]!.range.start.line).toBe(2);
    expect(hk[0]!.source).toBe('eslint');
    expect(hk[0]!.message).not.toContain(KEY);
    expect(hk[0]!.message).toMatch(/rotate/);
  });

  it('reports the Math.random reset token under keyhygiene/no-weak-randomness once that rule exists', () => {
    const weak = diagnostics.filter((d) => d.code === 'keyhygiene/no-weak-randomness');
    if (pluginRules.has('keyhygiene/no-weak-randomness')) {
      expect(weak.length, JSON.stringify(diagnostics)).toBeGreaterThanOrEqual(1);
      expect(weak[0]!.range.start.line).toBe(9);
    } else {
      expect(weak).toEqual([]);
    }
    // Only our rules are enabled in this workspace.
    for (const d of diagnostics) expect(String(d.code)).toMatch(/^keyhygiene\//);
  });

  it('offers our suggestions as code actions, and applying one gives the expected text', async () => {
    const diag = diagnostics.find((d) => d.code === 'keyhygiene/no-hardcoded-key');
    expect(diag).toBeDefined();
    const actions = await client.request<(CodeAction | Command)[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: diag!.range, context: { diagnostics: [diag], only: undefined } },
      30_000,
    );
    const commands = actions
      .map((a) => ('command' in a && typeof a.command === 'object' ? a.command : (a as Command)))
      .filter((c): c is Command => !!c && typeof c.command === 'string');
    const suggestions = commands.filter((c) => c.command === 'eslint.applySuggestion');
    const titles = suggestions.map((s) => s.title);
    expect(titles, JSON.stringify(titles)).toContain(
      "Load the key from the keyhygiene keystore: loadSecret('jwt-secret'). (keyhygiene/no-hardcoded-key)",
    );
    const useEnv = suggestions.find(
      (s) => s.title === 'Read the key from the environment variable JWT_SECRET. (keyhygiene/no-hardcoded-key)',
    );
    expect(useEnv, JSON.stringify(titles)).toBeDefined();

    const applied = client.waitFor<{ edit: CodeAction['edit'] }>('workspace/applyEdit', 30_000);
    await client.request(
      'workspace/executeCommand',
      { command: useEnv!.command, arguments: useEnv!.arguments },
      30_000,
    );
    const { edit } = await applied;
    const edits =
      edit?.documentChanges?.flatMap((c) => (c.textDocument.uri === uri ? c.edits : [])) ?? edit?.changes?.[uri] ?? [];
    expect(edits.length).toBeGreaterThan(0);
    expect(applyEdits(SOURCE, edits)).toBe(SOURCE.replace(`'${KEY}'`, 'process.env.JWT_SECRET!'));
  });

  it('offers the weak-randomness suggestions too, once that rule exists', async () => {
    const diag = diagnostics.find((d) => d.code === 'keyhygiene/no-weak-randomness');
    if (!pluginRules.has('keyhygiene/no-weak-randomness')) return;
    expect(diag).toBeDefined();
    const actions = await client.request<(CodeAction | Command)[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: diag!.range, context: { diagnostics: [diag] } },
      30_000,
    );
    const titles = actions
      .map((a) => ('command' in a && typeof a.command === 'object' ? a.command : (a as Command)))
      .filter((c): c is Command => !!c && c.command === 'eslint.applySuggestion')
      .map((c) => c.title);
    expect(
      titles.some((t) => t.endsWith('(keyhygiene/no-weak-randomness)')),
      JSON.stringify(titles),
    ).toBe(true);
  });
});
