// CPU time of a process (all its threads: the relay's workers count too),
// read from /proc/<pid>/stat, for a cost per update that does not depend on
// how busy the rest of this shared machine was.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** utime + stime in clock ticks from the text of /proc/<pid>/stat. */
export function parseCpuTicks(stat: string): number {
  // The command name (field 2) is in parentheses and may hold spaces or
  // parentheses itself: count fields from the last ')'.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .trim()
    .split(/\s+/);
  // After the name, field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error('no utime/stime in /proc/<pid>/stat');
  return utime + stime;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const text = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim();
    ticksPerSecond = Number(text) > 0 ? Number(text) : 100;
  }
  return ticksPerSecond;
}

/** CPU time (user + system) a live process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  return (parseCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / clockTicks();
}
