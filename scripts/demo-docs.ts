// `npm run demos:docs`: writes docs/demo-format.md from the zod demo and fixture schemas.
import fs from "node:fs";
import path from "node:path";
import { demoDocsFile, demoFormatMarkdown } from "@/lib/demos/demo-docs";

const text = demoFormatMarkdown();
const before = fs.existsSync(demoDocsFile) ? fs.readFileSync(demoDocsFile, "utf8") : undefined;
fs.mkdirSync(path.dirname(demoDocsFile), { recursive: true });
fs.writeFileSync(demoDocsFile, text);
console.log(`${before === text ? "✓ unchanged" : "✓ wrote"} ${demoDocsFile}`);
