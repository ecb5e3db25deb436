// Where a step, or one of its fields, is written in demo.yaml: the file:line:column a failed walk reports.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { DemoDefinition } from "@/lib/demos/demo-schema";
import { readYaml } from "@/lib/demos/parse-yaml-file";
import { allSteps } from "@/lib/demos/tour-graph";

/** Finds `field` (e.g. ["target"], ["do", 2]) of step `stepId`, else the step itself: "demos/x/demo.yaml:12:5". */
export type LocateStep = (stepId: string, field?: PropertyKey[]) => string;

export function stepLocator(demosDir: string, slug: string, definition: DemoDefinition): LocateStep {
  const file = path.join(demosDir, slug, "demo.yaml");
  const shown = path.relative(process.cwd(), file);
  const read = readYaml(shown, fs.readFileSync(file, "utf8"));
  const where = new Map(allSteps(definition).map(({ step, at }) => [step.id, at]));
  return (stepId, field = []) => {
    const at = where.get(stepId);
    if (!read.ok || !at) return `${shown}:1:1`;
    const { line, column } = read.source.locate([...at, ...field]);
    return `${shown}:${line}:${column}`;
  };
}
