import { describe, expect, it } from 'vitest';
import { createProgress, formatProgress, progressWanted } from '../../src/cli/progress.js';
import { MemoryStream } from './helpers.js';

describe('progress bar', () => {
  it('shows files done/total, findings, rate and phase, within the width', () => {
    const line = formatProgress({ filesDone: 50, filesTotal: 200, findings: 3, phase: 'files' }, 2000, 80);
    expect(line).toBe('[########----------------------] 50/200 files · 3 findings · 25 files/s · files');
    expect(line.length).toBeLessThan(80);
    expect(formatProgress({ filesDone: 1, filesTotal: 0, findings: 1, phase: 'walk' }, 4000, 80)).toContain(
      '1/1 files · 1 finding · 0.3 files/s · walk',
    );
    expect(
      formatProgress({ filesDone: 5, filesTotal: 10, findings: 0, phase: 'cross-file' }, 1000, 30).length,
    ).toBeLessThan(30);
  });

  it('is shown only on a TTY, not in CI, not with --no-progress, not on a dumb terminal', () => {
    const tty = new MemoryStream(true);
    expect(progressWanted(tty, {}, true)).toBe(true);
    expect(progressWanted(tty, { CI: 'true' }, true)).toBe(false);
    expect(progressWanted(tty, { CI: '1' }, true)).toBe(false);
    expect(progressWanted(tty, { CI: 'false' }, true)).toBe(true);
    expect(progressWanted(tty, { TERM: 'dumb' }, true)).toBe(false);
    expect(progressWanted(tty, {}, false)).toBe(false);
    expect(progressWanted(new MemoryStream(false), {}, true)).toBe(false);
  });

  it('redraws in place at most every 100 ms and clears the line when done', () => {
    const s = new MemoryStream(true);
    let t = 0;
    const p = createProgress(s, {}, true, () => t);
    p.update({ filesDone: 1, filesTotal: 10, findings: 0, phase: 'files' });
    t = 50;
    p.update({ filesDone: 2, filesTotal: 10, findings: 0, phase: 'files' });
    t = 150;
    p.update({ filesDone: 3, filesTotal: 10, findings: 1, phase: 'files' });
    p.update({ filesDone: 10, filesTotal: 10, findings: 1, phase: 'files' });
    p.done();
    const draws = s.text.split('\r\u001b[2K').filter(Boolean);
    expect(draws.map((d) => /\] (\d+)\//.exec(d)?.[1])).toEqual(['1', '3', '10']);
    expect(s.text.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('writes nothing when disabled', () => {
    const s = new MemoryStream(false);
    const p = createProgress(s, {}, true);
    p.update({ filesDone: 1, filesTotal: 1, findings: 0, phase: 'files' });
    p.done();
    expect(p.enabled).toBe(false);
    expect(s.text).toBe('');
  });
});
