/**
 * The progress bar on stderr: files done/total, findings, rate and phase, redrawn in place at most
 * ten times a second from the scanner's `onProgress`. It is only shown on a TTY, never when `CI` is
 * set, when stderr is piped, or with `--no-progress`; then every call is a no-op.
 */

export interface ProgressEvent {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly findings: number;
  readonly phase: string;
}

export interface Progress {
  readonly enabled: boolean;
  update(p: ProgressEvent): void;
  /** Clears the bar, so the report starts on a clean line. */
  done(): void;
}

export interface ProgressStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Whether to draw at all: a TTY, not CI, not disabled. */
export function progressWanted(stream: ProgressStream, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return flag && stream.isTTY === true && !ci && env.TERM !== 'dumb';
}

/** One line of the bar, fitted to `width` columns. */
export function formatProgress(p: ProgressEvent, elapsedMs: number, width = 80): string {
  const total = Math.max(p.filesTotal, p.filesDone);
  const ratio = total > 0 ? p.filesDone / total : 0;
  const rate = elapsedMs > 0 ? (p.filesDone * 1000) / elapsedMs : 0;
  const stats =
    `${p.filesDone}/${total} files · ${p.findings} finding${p.findings === 1 ? '' : 's'} · ` +
    `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} files/s · ${p.phase}`;
  const barWidth = Math.max(10, Math.min(30, width - stats.length - 4));
  const filled = Math.round(barWidth * ratio);
  const line = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${stats}`;
  return line.length >= width ? line.slice(0, Math.max(0, width - 1)) : line;
}

const NOOP: Progress = { enabled: false, update() {}, done() {} };

export function createProgress(
  stream: ProgressStream,
  env: NodeJS.ProcessEnv,
  flag: boolean,
  now: () => number = Date.now,
): Progress {
  if (!progressWanted(stream, env, flag)) return NOOP;
  const started = now();
  let last = 0;
  let drawn = false;
  const draw = (p: ProgressEvent): void => {
    stream.write(`\r\u001b[2K${formatProgress(p, now() - started, stream.columns ?? 80)}`);
    drawn = true;
    last = now();
  };
  return {
    enabled: true,
    update(p) {
      // Redraw at most every 100 ms, but always show the first event and a finished phase.
      if (!drawn || now() - last >= 100 || p.filesDone >= p.filesTotal) draw(p);
    },
    done() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
