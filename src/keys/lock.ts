import { randomBytes } from 'node:crypto';
import { constants, readFileSync } from 'node:fs';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { KeyhygieneError } from './errors.js';

export interface LockOptions {
  /** How long to wait for the lock before failing with E_LOCKED (default 15 s). */
  timeoutMs?: number;
}

/**
 * Inter-process lock with an O_EXCL lock file (open(2) with O_CREAT|O_EXCL is atomic on local file
 * systems). The file records pid and host; a lock whose pid no longer exists on this host is stale
 * (the holder was killed, e.g. SIGKILL mid-rotation) and is broken. Breaking goes through a second
 * O_EXCL "breaker" file so two waiters cannot both break and then both hold the lock.
 * The file also records the boot id and the holder's start time (Linux /proc), so a lock left by a
 * process before a reboot, or by a dead process whose pid was reused, is stale too. A lock naming our
 * own pid that this process does not hold is stale: in a container the app is often pid 1 after
 * every restart, so a crash would otherwise leave E_LOCKED forever.
 * No native dependency: flock(2) is not exposed by Node.
 */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  // The lock file's owner record (pid, host, start time, and a CSPRNG part so two acquirers never write the same
  // record), compared to find a stale lock; it grants nothing.
  const unique = randomBytes(8).toString('hex');
  const token = `${process.pid}@${hostname()}@${Date.now()}@${unique}@${BOOT_ID}@${startTime(process.pid)}\n`;
  let delay = 2;
  for (;;) {
    // Registered before the file exists: another keyring of this process that reads our token in the
    // file must find it here, or it would take a live lock under our own pid for a stale one.
    held.add(token);
    try {
      const fd = await open(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      try {
        await fd.writeFile(token);
        await fd.sync();
      } finally {
        await fd.close();
      }
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        // Only remove the lock if it is still ours (it may have been broken as stale by mistake).
        const cur = await readFile(lockPath, 'utf8').catch(() => '');
        if (cur === token) await unlink(lockPath).catch(() => undefined);
        held.delete(token);
      };
    } catch (e) {
      held.delete(token);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    await breakIfStale(lockPath);
    if (Date.now() >= deadline) {
      throw new KeyhygieneError('E_LOCKED', `keystore is locked by another process (${lockPath}); retry later`);
    }
    await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 100);
  }
}

/** Lock contents this process holds right now (a lock under our pid that is not here is stale). */
const held = new Set<string>();

function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

/** The kernel's boot id (Linux); '' elsewhere, which disables the check. */
const BOOT_ID = readProc('/proc/sys/kernel/random/boot_id');

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); '' when unknown. */
function startTime(pid: number): string {
  const stat = readProc(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return rest[19] ?? '';
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(lockPath: string): Promise<string | null> {
  let content: string;
  try {
    content = await readFile(lockPath, 'utf8');
  } catch {
    return null;
  }
  const [pidStr, host, tsStr, , boot = '', started = ''] = content.trim().split('@');
  const pid = Number(pidStr);
  if (content === '' || !content.endsWith('\n') || !Number.isSafeInteger(pid)) {
    // An empty or half-written lock file: the holder is writing it now, or died between open(O_EXCL)
    // and the write. Stale once it is old.
    const st = await stat(lockPath).catch(() => null);
    return st && Date.now() - st.mtimeMs > 5_000 ? content : null;
  }
  if (host === hostname()) {
    // Written before the last reboot: whoever held it is gone.
    if (boot !== '' && BOOT_ID !== '' && boot !== BOOT_ID) return content;
    // Our own pid, but not a lock this process holds: left by an earlier process with the same pid.
    if (pid === process.pid) return held.has(content) ? null : content;
    if (!pidAlive(pid)) return content;
    // The pid is alive, but a different process (pid reuse) when its start time differs.
    if (started !== '' && startTime(pid) !== '' && startTime(pid) !== started) return content;
    return null;
  }
  // Another host (network file system): we cannot check its pid; only very old locks are stale.
  return Date.now() - Number(tsStr) > 10 * 60_000 ? content : null;
}

async function breakIfStale(lockPath: string): Promise<void> {
  const stale = await isStale(lockPath);
  if (stale === null) return;
  const breaker = `${lockPath}.break`;
  let fd;
  try {
    fd = await open(breaker, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch {
    // Someone else is breaking it, or a breaker was left by a killed process: clear it when old.
    const st = await stat(breaker).catch(() => null);
    if (st && Date.now() - st.mtimeMs > 5_000) await unlink(breaker).catch(() => undefined);
    return;
  }
  try {
    // Re-check under the breaker: the lock may have been released and re-taken meanwhile.
    const again = await readFile(lockPath, 'utf8').catch(() => null);
    if (again === stale) {
      const aside = `${lockPath}.stale-${process.pid}`;
      await rename(lockPath, aside).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
    }
  } finally {
    await fd.close();
    await unlink(breaker).catch(() => undefined);
  }
}
