// Imported first by a test file: a demos directory holding two demos (the shipped one under two slugs),
// set before lib/config reads DEMOS_DIR. Returns nothing to clean: it lives inside the test's temp dir.
import fs from "node:fs";
import path from "node:path";

export const secondDemo = "pipeline-second";

const dir = path.join(process.env.DATA_DIR ?? "", "demos");
for (const slug of ["pipeline-basics", secondDemo])
  fs.cpSync(path.join("demos", "pipeline-basics"), path.join(dir, slug), { recursive: true });
process.env.DEMOS_DIR = dir;
