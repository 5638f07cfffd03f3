import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Pins a process to one core with taskset when the machine has it (Linux); says so otherwise. */
export const canPin = spawnSync('taskset', ['--version']).status === 0;

export function spawnPinned(core: number, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [file, argv] = canPin ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
  return spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resident memory of a process, from /proc (Linux), in MiB. */
export function rssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); null elsewhere. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
