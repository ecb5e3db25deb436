import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function sandboxGc(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/sandbox-gc.ts", ...args], {
    env: process.env,
    encoding: "utf8",
  });
}

describe("npm run sandbox:gc", () => {
  it("takes an id that starts with a dash as the value of --evict", () => {
    const id = "-0C7UwMV2SI7FSXkK8Isig";
    const result = sandboxGc("--evict", id);
    expect(result.stderr).toContain(`No sandbox ${id}`);
    expect(result.status).toBe(1);
  });

  it("refuses something that is not a sandbox id", () => {
    const result = sandboxGc("--evict", "../etc/passwd");
    expect(result.stderr).toContain("Not a sandbox id");
    expect(result.status).toBe(1);
  });

  it("runs the collector without arguments", () => {
    const result = sandboxGc();
    expect(result.stdout).toMatch(/Expired 0, evicted 0 sandbox\(es\)/);
    expect(result.status).toBe(0);
  });
});
