/**
 * CPU of this process's main thread and of all its other threads (V8's compiler and collector threads, workers)
 * so far, in milliseconds, from /proc/self/task (Linux); undefined where /proc is absent. A thread that ended is not
 * counted.
 */
import { openSync, readFileSync, readSync, readdirSync } from 'node:fs';

export function threadsCpuMs() {
  let tids;
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const out = { main: 0, helpers: 0 };
  for (const tid of tids) {
    let stat;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    } catch {
      continue; // a thread that ended
    }
    // utime and stime, in clock ticks (100 a second), after the parenthesised name
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out[tid === String(process.pid) ? 'main' : 'helpers'] += (Number(f[11]) + Number(f[12])) * 10;
  }
  return out;
}

/**
 * A reader of the calling thread's own CPU clock in milliseconds (`/proc/thread-self/schedstat`): one file opened
 * once and read at offset 0 each time (a fresh open costs ten times more). Undefined where /proc is absent.
 */
export function threadClock() {
  let fd;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buf = Buffer.alloc(64);
  return () => Number(buf.toString('latin1', 0, readSync(fd, buf, 0, 64, 0)).split(' ')[0]) / 1e6;
}
