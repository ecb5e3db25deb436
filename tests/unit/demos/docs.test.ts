// docs/demo-format.md is generated from the schemas (npm run demos:docs): it must be today's, and document
// every field a marketer may write, so the README can point at it instead of listing fields by hand.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { demoDocsFile, demoFormatMarkdown } from "@/lib/demos/demo-docs";
import { demoSchema, stepSchema } from "@/lib/demos/demo-schema";
import { fixtureSchema, fixtureTables } from "@/lib/demos/fixture-schema";
import { activityKinds, stages } from "@/lib/pipeline/vocabulary";

const committed = fs.readFileSync(demoDocsFile, "utf8");

describe("the demo format's field docs (docs/demo-format.md)", () => {
  it("is what `npm run demos:docs` generates from the schemas today", () => {
    expect(committed, "docs/demo-format.md is stale: run npm run demos:docs").toBe(demoFormatMarkdown());
  });

  it("has a row for every demo, step, fixture and table field", () => {
    const shapes = [demoSchema.shape, stepSchema.shape, fixtureSchema.shape, ...Object.values(fixtureTables).map((row) => row.shape)];
    for (const shape of shapes) {
      for (const field of Object.keys(shape)) expect(committed, field).toMatch(new RegExp(`^\\| \`${field}\` \\|`, "m"));
    }
  });

  it("lists the allowed stages and activity kinds, and says how dates and times are written", () => {
    expect(committed).toContain(stages.map((stage) => `\`${stage}\``).join(", "));
    expect(committed).toContain(activityKinds.map((kind) => `\`${kind}\``).join(", "));
    expect(committed).toMatch(/\| `closeDate` \| date, YYYY-MM-DD \| required \|/);
    expect(committed).toMatch(/\| `at` \| time, YYYY-MM-DDTHH:MM:SSZ \| required \|/);
    expect(committed).toMatch(/\| `durationMinutes` \| whole number \(1–60\) \| required \|/);
  });

  it("is linked from the README, which names durationMinutes (not duration)", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    expect(readme).toContain("(docs/demo-format.md)");
    expect(readme).toContain("`durationMinutes`");
    expect(readme).not.toMatch(/title, persona, duration,/);
  });
});
