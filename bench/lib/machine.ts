// What the figures were measured on: results without the machine and the
// versions beside them cannot be compared with anything (handbook §4).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
}

/** CPU model, core count, memory, OS and Node version of this machine. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${osName()} (${os.type()} ${os.release()}, ${os.arch()})`,
    node: process.version,
  };
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const match = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release);
    return match?.[1] ?? os.platform();
  } catch {
    return os.platform();
  }
}

/** Installed version of each package, read from node_modules under root. */
export function packageVersions(root: string, names: readonly string[]): Map<string, string> {
  const versions = new Map<string, string>();
  for (const name of names) {
    try {
      const file = path.join(root, 'node_modules', name, 'package.json');
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const version =
        typeof parsed === 'object' && parsed !== null && 'version' in parsed
          ? String(parsed.version)
          : 'unknown';
      versions.set(name, version);
    } catch {
      versions.set(name, 'not installed');
    }
  }
  return versions;
}

/** Resident set size and its peak (KiB) of a live process, from /proc/<pid>/status. */
export function processMemory(pid: number): { rssKiB: number; peakKiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (match?.[1] === undefined) throw new Error(`no ${name} in /proc/${pid}/status`);
    return Number(match[1]);
  };
  return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
}

/** The commit measured, and whether the working tree differed from it. */
export function sourceRevision(root: string): string {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain').length > 0 ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
