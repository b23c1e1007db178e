import fs from 'node:fs';

/** Linux reports thread CPU time in clock ticks of 1/100 s (USER_HZ, fixed by the kernel ABI). */
const MS_PER_TICK = 10;

/**
 * The OS thread id of the calling thread, or undefined off Linux. A worker reports it at start so
 * the main thread can read that thread's CPU time.
 */
export function currentThreadId(): number | undefined {
  try {
    const link = fs.readlinkSync('/proc/thread-self');
    const tid = Number(link.split('/').at(-1));
    return Number.isInteger(tid) ? tid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system) a thread of this process has used, in ms (10 ms resolution), read from
 * /proc/self/task/<tid>/stat; undefined when unavailable. The watchdog measures doc requests in CPU
 * time, not wall time: on a machine loaded by other work a request can take many times its CPU time
 * in wall time, and that must not make the server kill an honest map's worker.
 */
export function threadCpuMs(tid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * MS_PER_TICK : undefined;
  } catch {
    return undefined;
  }
}
