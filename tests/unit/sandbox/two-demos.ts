// A demos directory holding two demos (the shipped one under two slugs), inside the test's temp dir, and a
// runtime reading demos from it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { installRuntime, type Runtime } from "@/lib/runtime/runtime";

export const secondDemo = "pipeline-second";

export function runtimeWithTwoDemos(): Runtime {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-two-demos-"));
  for (const slug of ["pipeline-basics", secondDemo])
    fs.cpSync(path.join("demos", "pipeline-basics"), path.join(dir, slug), { recursive: true });
  const runtime = installRuntime({ demosDir: dir });
  runtime.onClose(() => fs.rmSync(dir, { recursive: true, force: true }));
  return runtime;
}
