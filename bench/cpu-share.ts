// Where a load's CPU went, read from Linux's /proc around it: how idle the machine stayed, and the CPU time per
// event of the server under test (with any processes it started), of the database server (every process named
// `postgres`: the bench's own throwaway cluster) and of this process, which runs the load generator. On 2 cores
// shared by all three, a server that is slower per event leaves the others less room, and one that waits on
// something leaves the machine idle: the two cases need different fixes (BENCHMARKS.md, 2026-12-08).
import fs from "node:fs";

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every platform Node runs Linux on. */
const ticksPerSecond = 100;

type Process = { pid: number; parent: number; name: string; ticks: number };

export type CpuMark = { total: number; idle: number; processes: Map<number, Process> };

export type CpuShare = {
  /** Share of the machine's CPU time spent idle or waiting for I/O while the load ran. */
  idle: number;
  /** Microseconds of CPU time per event: the server under test, the database, the load generator. */
  server: number;
  database: number;
  load: number;
};

function readProcesses(): Map<number, Process> {
  const processes = new Map<number, Process>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended while we read
    }
    // "pid (name) state ppid … utime stime …": the name may hold spaces and parentheses, so split after the last ")".
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    processes.set(Number(entry), {
      pid: Number(entry),
      parent: Number(fields[1]),
      name: stat.slice(stat.indexOf("(") + 1, close),
      ticks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return processes;
}

/** A reading to measure from; undefined where there is no /proc (the bench then prints no CPU columns). */
export function cpuMark(): CpuMark | undefined {
  if (!fs.existsSync("/proc/stat")) return undefined;
  const times = (fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  return {
    total: times.reduce((sum, value) => sum + value, 0),
    idle: (times[3] ?? 0) + (times[4] ?? 0),
    processes: readProcesses(),
  };
}

function descendantsOf(root: number, processes: Map<number, Process>): Set<number> {
  const found = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const { pid, parent } of processes.values()) {
      if (found.has(parent) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return found;
}

/** What the load between `from` and now cost, per event stored. */
export function cpuShareSince(from: CpuMark | undefined, serverPid: number | undefined, events: number): CpuShare | undefined {
  const to = cpuMark();
  if (!from || !to || events <= 0) return undefined;
  const used = (pids: Iterable<number>) => {
    let ticks = 0;
    for (const pid of pids) {
      const now = to.processes.get(pid);
      if (now) ticks += now.ticks - (from.processes.get(pid)?.ticks ?? 0);
    }
    return ((ticks / ticksPerSecond) * 1e6) / events;
  };
  const database = [...to.processes.values()].filter((entry) => entry.name === "postgres").map((entry) => entry.pid);
  return {
    idle: (to.idle - from.idle) / Math.max(1, to.total - from.total),
    server: serverPid === undefined ? 0 : used(descendantsOf(serverPid, to.processes)),
    database: used(database),
    load: used([process.pid]),
  };
}
