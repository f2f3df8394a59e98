/**
 * A minimal LSP client over stdio (Content-Length framed JSON-RPC), enough to drive the real
 * vscode-eslint-language-server the way an editor does. Server requests are answered by `onRequest`
 * handlers (default: `null`); every wait is bounded.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Json = unknown;
interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Json;
  result?: Json;
  error?: { code: number; message: string };
}

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: Json) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  private readonly handlers = new Map<string, (params: Json) => unknown>();
  private readonly waiters: { method: string; test: (p: Json) => boolean; resolve: (p: Json) => void }[] = [];
  readonly stderr: string[] = [];
  readonly notifications: { method: string; params: Json }[] = [];

  constructor(command: string, args: readonly string[], cwd: string) {
    this.proc = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env } });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.proc.on('exit', () => {
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`server exited; stderr: ${this.stderr.join('').slice(-2000)}`));
      }
      this.pending.clear();
    });
  }

  onRequest(method: string, handler: (params: Json) => unknown): void {
    this.handlers.set(method, handler);
  }

  request<T = Json>(method: string, params: Json, timeoutMs = 20_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: Json) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the params of the next server request or notification named `method` that passes `test`. */
  waitFor<T = Json>(method: string, timeoutMs = 20_000, test: (p: Json) => boolean = () => true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        method,
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      });
    });
  }

  kill(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }

  private send(msg: Message): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      void this.dispatch(JSON.parse(body) as Message);
    }
  }

  private async dispatch(msg: Message): Promise<void> {
    if (msg.method !== undefined && msg.id !== undefined) {
      // a request from the server
      this.fire(msg.method, msg.params);
      const handler = this.handlers.get(msg.method);
      try {
        const result = handler ? await handler(msg.params) : null;
        this.send({ jsonrpc: '2.0', id: msg.id, result: result ?? null });
      } catch (e) {
        this.send({ jsonrpc: '2.0', id: msg.id, error: { code: -32603, message: String(e) } });
      }
      return;
    }
    if (msg.method !== undefined) {
      this.notifications.push({ method: msg.method, params: msg.params });
      this.fire(msg.method, msg.params);
      return;
    }
    const p = this.pending.get(Number(msg.id));
    if (!p) return;
    this.pending.delete(Number(msg.id));
    clearTimeout(p.timer);
    if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
    else p.resolve(msg.result);
  }

  private fire(method: string, params: Json): void {
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i]!;
      if (w.method === method && w.test(params)) {
        this.waiters.splice(i, 1);
        w.resolve(params);
        return;
      }
    }
  }
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Apply LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
