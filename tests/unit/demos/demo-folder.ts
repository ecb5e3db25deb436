// Demo folders written for a test: the shipped demo's files, with whatever the test replaces or adds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadDemo } from "@/lib/demos/load-demo";
import { DemoFileError } from "@/lib/demos/parse-yaml-file";

export const shippedDemo = fs.readFileSync("demos/pipeline-basics/demo.yaml", "utf8");
export const shippedFixture = fs.readFileSync("demos/pipeline-basics/fixture.yaml", "utf8");

/**
 * A demos directory holding one demo `slug`: the shipped files overlaid with `files` (null leaves a file out).
 * Returns the directory.
 */
export function demoFolder(slug: string, files: Record<string, string | null>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-demos-"));
  fs.mkdirSync(path.join(root, slug));
  for (const [name, text] of Object.entries({ "demo.yaml": shippedDemo, "fixture.yaml": shippedFixture, ...files })) {
    if (text !== null) fs.writeFileSync(path.join(root, slug, name), text);
  }
  return root;
}

/** Every problem loading that demo reports; fails the test when it loads. */
export function problemsOf(slug: string, files: Record<string, string | null>) {
  try {
    loadDemo(slug, demoFolder(slug, files));
  } catch (error) {
    if (error instanceof DemoFileError) return error.problems;
    throw error;
  }
  throw new Error(`expected the demo "${slug}" to be rejected`);
}

export const lineOf = (text: string, needle: string) => text.split("\n").findIndex((row) => row.includes(needle)) + 1;
