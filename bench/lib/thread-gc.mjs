/**
 * CPU by thread *name* and the main thread's garbage collections, for any Node run (Linux only):
 *
 *   KH_THREAD_GC_OUT=F.json node --import ./bench/lib/thread-gc.mjs [--trace-gc-nvp] SCRIPT ARGS… [> GC.log]
 *   node bench/lib/thread-gc.mjs --nvp GC.log [--isolates]   sums a `--trace-gc-nvp` log by collection kind
 *
 * As a preload it writes F.json when the process exits: `threads`, every thread still alive then grouped by its
 * role (`threadsByRole`: `main`, `v8`, `libuv`, `later`) with each group's count and CPU in ms (`schedstat`,
 * nanoseconds run); and `gc`, the main
 * thread's collections from `PerformanceObserver('gc')` by kind (`minor` = scavenge, `major` = mark-compact,
 * `incremental` = an incremental marking step, `weakcb` = weak callbacks) with their count and pause sum in ms.
 * A thread that ended before exit (a terminated Worker) is not counted. Nothing here is timed in a test: the
 * counts are what tests read.
 *
 * With `--nvp` it reads a `--trace-gc-nvp` log (V8 writes it to stdout; other lines are skipped) and prints, per kind (`s` scavenge, `ms` mark-compact,
 * `mmc` minor mark-compact), the count, the pause sum in ms (wall time: a loaded machine inflates it) and the
 * `allocated=`, `promoted=` and `new_space_survived=` bytes summed in MiB: what a run allocates and what its
 * scavenges copy, which load does not change.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';

/**
 * Every live thread of this process by role: `{ role: { count, cpuMs } }`. Node 20 names none of its threads (every
 * `comm` is the process's), so a thread is told by when it started (thread ids grow): of the threads alive when
 * `startTids` was taken (at preload, after node's own start), the last `UV_THREADPOOL_SIZE` (default 4) are libuv's
 * pool (`libuv`: async fs, async crypto), the others V8's platform workers (`v8`: the concurrent compiler and the
 * collector's parallel and concurrent tasks; node's signal and delayed-task threads, idle, are counted here too); a
 * thread started after it is a Worker (`later`). Checked with `UV_THREADPOOL_SIZE=2` and `--v8-pool-size=2`: async
 * scrypt's CPU lands on the `libuv` threads, allocation's collector help on the `v8` ones.
 */
export function threadsByRole(startTids = []) {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  const others = startTids.filter((t) => t !== String(process.pid)).sort((a, b) => Number(a) - Number(b));
  const libuv = new Set(others.slice(-pool));
  const start = new Set(others);
  const out = {};
  for (const tid of readdirSync('/proc/self/task')) {
    let ns;
    try {
      ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'latin1').split(' ')[0]);
    } catch {
      continue; // a thread that ended
    }
    const key = tid === String(process.pid) ? 'main' : libuv.has(tid) ? 'libuv' : start.has(tid) ? 'v8' : 'later';
    const g = (out[key] ??= { count: 0, cpuMs: 0 });
    g.count++;
    g.cpuMs += ns / 1e6;
  }
  for (const g of Object.values(out)) g.cpuMs = Math.round(g.cpuMs);
  return out;
}

/**
 * Sums a `--trace-gc-nvp` log: `{ kind: { count, pauseMs, allocatedMiB, promotedMiB, copiedMiB } }` (`copiedMiB`:
 * bytes a scavenge kept in the young generation, `new_space_survived=`; with `promotedMiB` what it copied, which is
 * its work). With `byIsolate`, one such table per V8 isolate in order of first appearance (`isolate0` is the main
 * thread's unless a Worker collects first): a Worker's collections are its own isolate's.
 */
export function sumNvp(text, byIsolate = false) {
  const out = {};
  for (const line of text.split('\n')) {
    const kind = / gc=(\w+) /.exec(line)?.[1];
    if (!kind) continue;
    let table = out;
    if (byIsolate) {
      const iso = /^\[\d+:(0x[0-9a-f]+)\]/.exec(line)?.[1] ?? '?';
      table = out[iso] ??= {};
    }
    const num = (k) => Number(new RegExp(` ${k}=([\\d.]+)`).exec(line)?.[1] ?? 0);
    const g = (table[kind] ??= { count: 0, pauseMs: 0, allocatedMiB: 0, promotedMiB: 0, copiedMiB: 0 });
    g.count++;
    g.pauseMs += num('pause');
    g.allocatedMiB += num('allocated') / 2 ** 20;
    g.promotedMiB += num('promoted') / 2 ** 20;
    g.copiedMiB += num('new_space_survived') / 2 ** 20;
  }
  const round = (t) => {
    for (const g of Object.values(t)) for (const k of Object.keys(g)) g[k] = Math.round(g[k]);
  };
  if (!byIsolate) {
    round(out);
    return out;
  }
  const named = {};
  Object.values(out).forEach((t, i) => {
    round(t);
    named[`isolate${i}`] = t;
  });
  return named;
}

const cli = process.argv.indexOf('--nvp');
if (process.argv[1]?.endsWith('thread-gc.mjs') && cli > 0) {
  console.log(JSON.stringify(sumNvp(readFileSync(process.argv[cli + 1], 'utf8'), process.argv.includes('--isolates'))));
} else if (process.env.KH_THREAD_GC_OUT) {
  const startTids = readdirSync('/proc/self/task');
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
  };
  const gc = {};
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const g = (gc[kinds[e.detail?.kind] ?? 'other'] ??= { count: 0, pauseMs: 0 });
      g.count++;
      g.pauseMs += e.duration;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  const out = process.env.KH_THREAD_GC_OUT;
  process.on('exit', () => {
    for (const e of obs.takeRecords()) {
      const g = (gc[kinds[e.detail?.kind] ?? 'other'] ??= { count: 0, pauseMs: 0 });
      g.count++;
      g.pauseMs += e.duration;
    }
    for (const g of Object.values(gc)) g.pauseMs = Math.round(g.pauseMs);
    writeFileSync(out, JSON.stringify({ threads: threadsByRole(startTids), gc }));
  });
}
