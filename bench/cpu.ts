import fs from 'node:fs';

/**
 * CPU accounting over the load runs, from /proc (Linux): how much of the machine our own
 * processes used and how much other processes took. The benchmark shares a small machine,
 * so numbers measured while something else was busy must say so.
 */
export type CpuSample = { at: number; machineBusy: number; ours: number };
export type CpuUse = { seconds: number; oursCores: number; othersCores: number };

/** Clock ticks per second of /proc times (USER_HZ), 100 on every mainstream Linux. */
const ticksPerSecond = 100;

/** Busy time of all cores (everything except idle and iowait), in seconds. */
function machineBusySeconds(): number {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / ticksPerSecond;
}

/** User + system time of a process, in seconds (0 when it is gone or /proc is missing). */
export function processSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** A process and all its descendants (cluster workers), from the parent ids in /proc. */
export function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** User + system time of a process tree, in seconds. */
export function treeSeconds(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + processSeconds(pid), 0);
}

/** A reading of machine and own CPU time; undefined where /proc is not available. */
export function sampleCpu(childPids: number[]): CpuSample | undefined {
  if (!fs.existsSync('/proc/stat')) return undefined;
  const ours = [process.pid, ...childPids].reduce((sum, pid) => sum + processSeconds(pid), 0);
  return { at: performance.now() / 1000, machineBusy: machineBusySeconds(), ours };
}

/** Average cores used by us and by everything else between two readings. */
export function cpuBetween(before: CpuSample | undefined, after: CpuSample | undefined): CpuUse | undefined {
  if (!before || !after) return undefined;
  const seconds = after.at - before.at;
  const ours = after.ours - before.ours;
  const others = Math.max(0, after.machineBusy - before.machineBusy - ours);
  return { seconds, oursCores: ours / seconds, othersCores: others / seconds };
}
