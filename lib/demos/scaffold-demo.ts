// `npm run demos:new <slug>`: a new demo folder a marketer starts from — demo.yaml with the schema line, a short
// tour over real anchors ending in a call to action, and a small fixture — that `npm run demos:check` passes.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { productAnchors } from "@/lib/pipeline/anchors";
import { pipelineManifest } from "@/lib/pipeline/manifest";
import { demoJsonSchemaModeline } from "./demo-json-schema";
import { slugPattern, slugRule } from "./slug";

/** The anchors the scaffold's steps use: checked here so a renamed anchor fails the test, not a marketer. */
const used = ["deals-board", "pipeline-total", "talk-to-human"] as const satisfies readonly (typeof productAnchors)[number][];

function demoYaml(slug: string): string {
  const title = slug
    .split("-")
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(" ");
  return `${demoJsonSchemaModeline}
# A new demo. Every field is described in docs/demo-format.md; \`npm run demos:check -- --anchors\` lists the
# anchors a step may target, each with its page. Check it with \`npm run demos:check\`, and restart a running
# server to see an edit.
title: ${title}
persona: Sales teams
durationMinutes: 2
summary: A first look at ${pipelineManifest.product} in your own private copy.
funnelStage: awareness
cta: { label: Book a demo, url: contact }
steps:
  - id: welcome
    title: Welcome
    body: This is a **live copy** of ${pipelineManifest.product}, filled with sample data, for you and anyone you invite. Nobody outside this copy sees what you change.
    kind: modal
    nextLabel: Start the tour

  - id: board
    title: Every deal, by stage
    body: The board groups open deals by stage; each column shows what its deals are worth.
    target: ${used[0]}
    placement: top

  - id: total
    title: Your pipeline in one number
    body: The open pipeline's total follows every deal you add or move.
    target: ${used[1]}
    placement: bottom

  - id: human
    kind: cta
    title: A human, when you want one
    body: That's the tour. Keep exploring as long as you like; "Talk to a human" is always here.
    target: ${used[2]}
    placement: bottom
`;
}

const fixtureYaml = `# Sample data every sandbox of this demo starts with; see docs/demo-format.md for every field.
# Dates are written as they stood on anchorDate; each sandbox shifts them to today.
anchorDate: 2026-01-15
workspace: Acme Robotics

companies:
  - { key: northwind, name: Northwind Traders, industry: Wholesale, employees: 420 }
  - { key: globex, name: Globex, industry: Energy, employees: 2300 }

contacts:
  - { key: ana, company: northwind, name: Ana Trujillo, title: Head of Purchasing, email: ana@northwind.example }
  - { key: hank, company: globex, name: Hank Scorpio, title: VP Operations }

deals:
  - { key: nw-renewal, company: northwind, title: Northwind renewal, amount: 48000, stage: negotiation, owner: Jordan Lee, closeDate: 2026-01-22, createdAt: 2025-11-20T10:00:00Z }
  - { key: globex-pilot, company: globex, title: Globex pilot, amount: 15000, stage: proposal, owner: Sam Ortiz, closeDate: 2026-02-06, createdAt: 2025-12-10T14:00:00Z }
  - { key: globex-rollout, company: globex, title: Globex rollout, amount: 84000, stage: qualified, owner: Jordan Lee, closeDate: 2026-03-31, createdAt: 2026-01-08T09:00:00Z }

activities:
  - { deal: nw-renewal, contact: ana, kind: call, summary: Agreed the renewal terms, at: 2026-01-13T15:00:00Z }
  - { deal: globex-pilot, contact: hank, kind: email, summary: Sent the pilot plan, at: 2026-01-14T09:30:00Z }
`;

export type ScaffoldResult = { ok: true; dir: string; files: string[] } | { ok: false; message: string };

/** Writes demos/<slug>/ under `demosDir`; refuses a slug that is not a folder name or already a demo. */
export function scaffoldDemo(demosDir: string, slug: string | undefined): ScaffoldResult {
  if (!slug) return { ok: false, message: "name the demo: npm run demos:new <slug>, for example npm run demos:new forecast-review" };
  if (!slugPattern.test(slug)) {
    const suggestion = slug
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 64);
    const hint = suggestion && slugPattern.test(suggestion) ? ` — try "${suggestion}"` : "";
    return { ok: false, message: `"${slug}" cannot be a demo's name: a slug is ${slugRule}, at most 64${hint}` };
  }
  const dir = path.join(demosDir, slug);
  if (fs.existsSync(dir))
    return { ok: false, message: `${path.relative(process.cwd(), dir) || dir} already exists — pick another name, or edit that demo` };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "demo.yaml"), demoYaml(slug));
  fs.writeFileSync(path.join(dir, "fixture.yaml"), fixtureYaml);
  return { ok: true, dir, files: ["demo.yaml", "fixture.yaml"].map((name) => path.join(dir, name)) };
}
