/** The machine a benchmark ran on, for the report: numbers mean little without it. */
import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** The 1-minute load average now, to one decimal. */
export function loadNow(): number {
  return Math.round(loadavg()[0]! * 10) / 10;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  chromium: string;
  /** Highest 1-minute load average sampled during the run: above the core count, other work skewed it. */
  load: number;
}

export function machineInfo(chromium: string, load: number): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium,
    load,
  };
}

export function describeMachine(m: MachineInfo): string {
  return (
    `${m.cores} cores (${m.cpu}), ${m.ramGiB} GiB RAM, ${m.os}, Node ${m.node}, ` +
    `Chromium ${m.chromium} (headless=new); peak load average ${m.load} during the run`
  );
}
