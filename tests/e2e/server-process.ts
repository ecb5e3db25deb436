// The server process behind a port, found the way `ss -p` finds it: the listening socket's inode in
// /proc/net/tcp{,6}, then the process holding that socket. Lets a test count what a running server holds open.
import fs from "node:fs";

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A" && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

function fdTargets(pid: string): string[] {
  const dir = `/proc/${pid}/fd`;
  let fds: string[];
  try {
    fds = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return fds.map((fd) => {
    try {
      return fs.readlinkSync(`${dir}/${fd}`);
    } catch {
      return "";
    }
  });
}

/** The pid listening on the port (this machine only). */
export function serverPid(port: number): string {
  const sockets = new Set([...listeningInodes(port)].map((inode) => `socket:[${inode}]`));
  const pid = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .find((candidate) => fdTargets(candidate).some((target) => sockets.has(target)));
  if (!pid) throw new Error(`no process listens on port ${port}`);
  return pid;
}

/** How many of the process's open files are this file (its -wal and -shm not counted). */
export function openCount(pid: string, file: string): number {
  return fdTargets(pid).filter((target) => target === file).length;
}
