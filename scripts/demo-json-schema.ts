// `npm run demos:schema`: writes demos/demo.schema.json from the zod demo schema, formatted as biome formats
// JSON so that `biome check` stays green and a regenerated file diffs only where the schema changed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { demoJsonSchema, demoJsonSchemaFile } from "@/lib/demos/demo-json-schema";

const biome = path.join("node_modules", ".bin", process.platform === "win32" ? "biome.cmd" : "biome");
const formatted = spawnSync(biome, ["format", `--stdin-file-path=${demoJsonSchemaFile}`], {
  input: `${JSON.stringify(demoJsonSchema(), null, 2)}\n`,
  encoding: "utf8",
});
if (formatted.status !== 0) {
  console.error(`✗ biome could not format ${demoJsonSchemaFile}:\n${formatted.stderr || formatted.error?.message}`);
  process.exitCode = 1;
} else {
  const before = fs.existsSync(demoJsonSchemaFile) ? fs.readFileSync(demoJsonSchemaFile, "utf8") : undefined;
  fs.writeFileSync(demoJsonSchemaFile, formatted.stdout);
  console.log(`${before === formatted.stdout ? "✓ unchanged" : "✓ wrote"} ${demoJsonSchemaFile}`);
}
