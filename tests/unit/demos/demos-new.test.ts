// `npm run demos:new <slug>` starts a demo that passes `npm run demos:check`, and refuses names it cannot use.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoJsonSchemaModeline } from "@/lib/demos/demo-json-schema";
import { loadDemo } from "@/lib/demos/load-demo";

const run = (script: string, demosDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", script, ...args], {
    env: { ...process.env, DEMOS_DIR: demosDir },
    encoding: "utf8",
  });

/** A temp copy of demos/, so the scaffold lands beside the shipped demos as it would for a marketer. */
function demosCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-demos-new-"));
  fs.cpSync("demos", dir, { recursive: true });
  return dir;
}

// Each test starts the CLI a few times (tsx compiles on start): seconds on a busy machine, not a timing check.
describe("npm run demos:new", { timeout: 60_000 }, () => {
  it("writes a demo with the schema line, steps over real anchors and a fixture, which demos:check passes", () => {
    const dir = demosCopy();
    const created = run("scripts/demos-new.ts", dir, "sales-review");
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain("sales-review/demo.yaml");
    const demoYaml = fs.readFileSync(path.join(dir, "sales-review", "demo.yaml"), "utf8");
    expect(demoYaml.split("\n")[0]).toBe(demoJsonSchemaModeline);
    expect(demoYaml).toMatch(/^funnelStage: awareness$/m);
    expect(demoYaml).toMatch(/^cta: \{ label: Book a demo, url: contact \}$/m);

    // The file checks (the browser walk of every demo is npm test's own demos:check run and its e2e spec).
    const check = run("scripts/demos-check.ts", dir, "--static");
    expect(check.status, check.stderr).toBe(0);
    const demo = loadDemo("sales-review", dir);
    expect(demo.definition.steps.map((step) => step.target).filter(Boolean)).toEqual(["deals-board", "pipeline-total", "talk-to-human"]);
    expect(demo.fixture.deals.length).toBeGreaterThan(0);
  });

  it("refuses an existing demo, a name that is not a slug, and no name, saying what to do", () => {
    const dir = demosCopy();
    const existing = run("scripts/demos-new.ts", dir, "pipeline-basics");
    expect(existing.status).toBe(1);
    expect(existing.stderr).toMatch(/pipeline-basics already exists — pick another name, or edit that demo/);
    const odd = run("scripts/demos-new.ts", dir, "My Demo!");
    expect(odd.status).toBe(1);
    expect(odd.stderr).toContain(
      `"My Demo!" cannot be a demo's name: a slug is lower-case letters, digits and dashes, at most 64 — try "my-demo"`,
    );
    const none = run("scripts/demos-new.ts", dir);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("name the demo: npm run demos:new <slug>");
    expect(fs.readdirSync(dir).sort()).toEqual(fs.readdirSync("demos").sort());
  });
});
