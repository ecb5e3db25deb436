import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatAnchorGuide, productAnchors } from "@/lib/pipeline/anchors";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx$/.test(entry.name) ? [full] : [];
  });
}

describe("tour anchors", () => {
  it("lists exactly the data-tour names the product renders", () => {
    const rendered = new Set<string>();
    for (const file of [...sourceFiles("app"), ...sourceFiles("components/pipeline")]) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/data-tour="([a-z0-9-]+)"/g)) rendered.add(match[1] ?? "");
    }
    expect([...rendered].sort()).toEqual([...productAnchors].sort());
  });
});

describe("npm run demos:check -- --anchors", { timeout: 30_000 }, () => {
  it("prints every anchor under its page, with the route's name and path", () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/demos-check.ts", "--anchors"],
      { encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(formatAnchorGuide());
    for (const anchor of productAnchors) expect(result.stdout).toMatch(new RegExp(`^ {2}${anchor} `, "m"));
    expect(result.stdout).toMatch(/Forecast — route forecast, path \/forecast\n {2}forecast-definitions/);
  });
});
