import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function check(demosDir?: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/demos-check.ts", "--static"], {
    env: { ...process.env, ...(demosDir ? { DEMOS_DIR: demosDir } : {}) },
    encoding: "utf8",
  });
}

// The file checks (--static); the browser walk is tests/e2e/demos-check.spec.ts and npm test's own run.
describe("npm run demos:check -- --static", () => {
  it("passes the shipped demos", () => {
    const result = check();
    expect(result.stdout).toMatch(/✓ pipeline-basics: 7 steps/);
    expect(result.status).toBe(0);
  });

  it("fails with file:line for a typo in a step's target", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-demos-"));
    fs.cpSync("demos/pipeline-basics", path.join(dir, "typo-demo"), { recursive: true });
    const file = path.join(dir, "typo-demo", "demo.yaml");
    const text = fs.readFileSync(file, "utf8").replace("target: pipeline-total", "target: pipeline-totl");
    fs.writeFileSync(file, text);
    const line = text.split("\n").findIndex((row) => row.includes("pipeline-totl")) + 1;
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `typo-demo/demo.yaml:${line}:13 — steps[2].target: unknown anchor "pipeline-totl" — did you mean "pipeline-total"?`,
    );
  });

  it("names a mistyped --demo with a did-you-mean, before any walk", () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/demos-check.ts", "--demo", "pipeline-basic"],
      { encoding: "utf8" },
    );
    expect(result.stderr).toContain('✗ --demo pipeline-basic: no such demo in demos/ — did you mean "pipeline-basics"?');
    expect(result.status).toBe(2);
  });
});
