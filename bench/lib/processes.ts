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
