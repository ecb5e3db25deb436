// HAProxy for a cluster of our own (the tests' and `npm run cluster`'s): deploy/haproxy.cfg, the one config kept
// in the repo, with its `bind` and its node list replaced, run in the foreground until stopped.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const haproxyPath = "/usr/sbin/haproxy";

export type BalancedNode = { name: string; port: number };

/** deploy/haproxy.cfg with the load balancer on 127.0.0.1:`port` and `nodes` (on loopback) as its servers. */
export function renderHaproxyConfig(template: string, port: number, nodes: BalancedNode[]): string {
  const bind = /^(\s*)bind .*$/m;
  const list = /^(\s*)# nodes: begin\n[\s\S]*?# nodes: end$/m;
  if (!bind.test(template) || !list.test(template))
    throw new Error("deploy/haproxy.cfg lost its `bind` line or its '# nodes: begin/end' markers");
  return template
    .replace(bind, `$1bind 127.0.0.1:${port}`)
    .replace(list, (_all, indent: string) =>
      [
        `${indent}# nodes: begin`,
        ...nodes.map((node) => `${indent}server ${node.name} 127.0.0.1:${node.port} cookie ${node.name}`),
        `${indent}# nodes: end`,
      ].join("\n"),
    );
}

export type RunningHaproxy = { process: ChildProcess; stop(): Promise<void> };

/** Starts HAProxy on the rendered config (written into `dir`); its output goes to `log`. */
export function startHaproxy(root: string, dir: string, port: number, nodes: BalancedNode[], log: (line: string) => void): RunningHaproxy {
  if (!fs.existsSync(haproxyPath)) throw new Error(`HAProxy is not installed (${haproxyPath}): sudo apt-get install -y haproxy`);
  const config = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(config, renderHaproxyConfig(fs.readFileSync(path.join(root, "deploy", "haproxy.cfg"), "utf8"), port, nodes));
  // -db: stay in the foreground, so it is our child and dies with a signal from us.
  const child = spawn(haproxyPath, ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.trim()) log(`haproxy: ${line}`);
    });
  }
  return { process: child, stop: () => stopProcess(child) };
}

/** SIGTERM, then the exit; SIGKILL when it has not exited 10 s later. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}
