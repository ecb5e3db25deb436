import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productAnchors } from "@/lib/pipeline/anchors";

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
