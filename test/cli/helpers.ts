/** In-memory streams and a fake scanner for running the CLI in-process. */
import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from '../../src/cli/audit.js';
import type { AuditOptions, ScannerApi } from '../../src/cli/scanner.js';
import type { AuditResult } from '../../src/report/types.js';
import { RULES } from '../report/fixture.js';

export class MemoryStream {
  text = '';
  isTTY: boolean;
  columns = 100;
  constructor(tty = false) {
    this.isTTY = tty;
  }
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }
}

export interface TestIo extends CliIo {
  readonly stdout: MemoryStream & NodeJS.WritableStream;
  readonly stderr: MemoryStream & NodeJS.WritableStream;
}

export function memoryIo(cwd: string, opts: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}): TestIo {
  return {
    stdout: new MemoryStream(opts.tty) as MemoryStream & NodeJS.WritableStream,
    stderr: new MemoryStream(opts.tty) as MemoryStream & NodeJS.WritableStream,
    env: opts.env ?? {},
    cwd,
  };
}

export interface FakeScanner extends ScannerApi {
  readonly calls: AuditOptions[];
  readonly baselines: { path: string; options: unknown }[];
}

/** A scanner that returns a fixed result (or throws), and records what it was asked. */
export function fakeScanner(result: AuditResult | (() => AuditResult), opts: { throws?: unknown } = {}): FakeScanner {
  const calls: AuditOptions[] = [];
  const baselines: { path: string; options: unknown }[] = [];
  return {
    calls,
    baselines,
    async audit(o) {
      calls.push(o);
      o.onProgress?.({ filesDone: 1, filesTotal: 2, findings: 0, phase: 'files' });
      o.onProgress?.({ filesDone: 2, filesTotal: 2, findings: 1, phase: 'files' });
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- tests throw DOMException and AuditError-shaped values
      if (opts.throws !== undefined) throw opts.throws;
      return typeof result === 'function' ? result() : result;
    },
    async writeBaseline(path, r, options) {
      baselines.push({ path, options });
      await writeFile(
        path,
        JSON.stringify({ entries: r.findings.map((f) => ({ fingerprint: f.fingerprint, ...options })) }),
      );
    },
    mergeResults(results) {
      const [first] = results;
      return {
        ...first!,
        findings: results.flatMap((r) => r.findings),
        inventory: results.flatMap((r) => r.inventory),
        skipped: results.flatMap((r) => r.skipped),
      };
    },
    ruleInfo() {
      return RULES;
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read into parsed reports freely
export async function readJson(file: string): Promise<Record<string, unknown> & { [k: string]: any }> {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** An error shaped like the scanner's AuditError. */
export class FakeAuditError extends Error {
  override readonly name = 'AuditError';
  constructor(
    readonly code: 'E_USAGE' | 'E_CONFIG' | 'E_IO' | 'E_INTERNAL',
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
