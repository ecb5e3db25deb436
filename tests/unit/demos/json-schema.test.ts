import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { demoJsonSchema, demoJsonSchemaFile, demoJsonSchemaModeline } from "@/lib/demos/demo-json-schema";
import { demoSchema, stepSchema } from "@/lib/demos/demo-schema";
import { listDemoSlugs } from "@/lib/demos/load-demo";
import { lineOf, problemsOf, shippedDemo } from "./demo-folder";

type ObjectSchema = { properties: Record<string, { description?: string }>; required?: string[] };

const committed = JSON.parse(fs.readFileSync(demoJsonSchemaFile, "utf8")) as ObjectSchema & {
  properties: { steps: { items: ObjectSchema } };
};
const stepsOf = (schema: typeof committed) => schema.properties.steps.items;
const shippedDemoFiles = listDemoSlugs("demos").map((slug) => path.join("demos", slug, "demo.yaml"));

describe("the demo file's JSON Schema (demos/demo.schema.json)", () => {
  it("is what `npm run demos:schema` generates from the zod demo schema today", () => {
    expect(committed, "demos/demo.schema.json is stale: run npm run demos:schema").toEqual(demoJsonSchema());
  });

  it("lists every field the zod schema has, at the top and in a step", () => {
    expect(Object.keys(committed.properties).sort()).toEqual(Object.keys(demoSchema.shape).sort());
    expect(Object.keys(stepsOf(committed).properties).sort()).toEqual(Object.keys(stepSchema.shape).sort());
  });

  it("describes every field, so an editor's completion explains it", () => {
    for (const schema of [committed, stepsOf(committed)]) {
      for (const [name, field] of Object.entries(schema.properties)) expect(field.description, name).toBeTruthy();
    }
  });

  it("asks only for what a marketer must write: a field with a default is optional", () => {
    expect(committed.required).not.toContain("position");
    expect(stepsOf(committed).required).not.toContain("placement");
  });

  it.each(shippedDemoFiles)("accepts the shipped %s, as the zod schema does", (file) => {
    const data: unknown = parse(fs.readFileSync(file, "utf8"));
    expect(demoSchema.safeParse(data).error).toBeUndefined();
    // zod reads the committed JSON Schema back (its converter is semi-experimental; no other validator is installed).
    expect(z.fromJSONSchema(committed as z.core.JSONSchema.JSONSchema).safeParse(data).error).toBeUndefined();
  });

  it.each(shippedDemoFiles)("is named on the first line of the shipped %s", (file) => {
    expect(fs.readFileSync(file, "utf8").split("\n")[0]).toBe(demoJsonSchemaModeline);
    expect(path.resolve(path.dirname(file), demoJsonSchemaModeline.split("$schema=")[1] ?? "")).toBe(path.resolve(demoJsonSchemaFile));
  });

  it("leaves problems pointing at their own line below the modeline", () => {
    const text = shippedDemo.replace("durationMinutes: 4", "durationMinutes: 400");
    const [problem] = problemsOf("broken", { "demo.yaml": text });
    expect(problem).toMatchObject({ line: lineOf(text, "durationMinutes: 400"), column: 18 });
    expect(problem?.message).toMatch(/^durationMinutes: /);
  });
});
