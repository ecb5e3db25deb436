// `npm run demos:new <slug>`: scaffolds demos/<slug>/ (or under DEMOS_DIR) with a demo that passes demos:check.
import path from "node:path";
import { loadConfig } from "@/lib/config";
import { scaffoldDemo } from "@/lib/demos/scaffold-demo";

const slug = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
const result = scaffoldDemo(loadConfig().demosDir, slug);
if (!result.ok) {
  console.error(`✗ ${result.message}`);
  process.exitCode = 1;
} else {
  for (const file of result.files) console.log(`✓ wrote ${path.relative(process.cwd(), file)}`);
  console.log("next: edit the steps (docs/demo-format.md lists every field), then npm run demos:check");
}
