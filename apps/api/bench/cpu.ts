import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by processes of this machine, from /proc: what a request costs in work done,
 * which varies much less than its latency when other work shares the machine.
 */

let ticksPerSecond: number | undefined;

function ticks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return ticksPerSecond;
}

/** User and system CPU time of a process so far, in ms; NaN once it has gone. */
export function processCpuMs(pid: number): number {
  try {
    // The fields after the command name, which may itself hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks();
  } catch {
    return Number.NaN;
  }
}

/** CPU time of every PostgreSQL server process on this machine so far, in ms (a backend that exited meanwhile is not counted). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let command: string;
    try {
      command = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (command !== 'postgres') continue;
    const used = processCpuMs(Number(entry));
    if (!Number.isNaN(used)) total += used;
  }
  return total;
}

/** Whether a PostgreSQL URL names this machine, so that its server's processes can be read here. */
export function isLocalServer(url: string): boolean {
  const { hostname } = new URL(url);
  return ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(hostname);
}
