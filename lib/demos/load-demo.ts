// Reads demos/<slug>/ from disk into validated data: the demo definition and its fixture.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { runtime } from "@/lib/runtime/runtime";
import { allSteps, type DemoDefinition, demoSchema } from "./demo-schema";
import type { Fixture } from "./fixture-schema";
import { DemoFileError, describePath, parseYamlFile, readYaml } from "./parse-yaml-file";
import { readFixture } from "./read-fixture";
import { slugPattern, slugRule } from "./slug";

export type LoadedDemo = {
  slug: string;
  definition: DemoDefinition;
  fixture: Fixture;
  /** Changes whenever demo.yaml or the fixture changes. */
  sourceHash: string;
  /** Changes whenever the fixture changes; templates are keyed by it. */
  fixtureHash: string;
};

export function listDemoSlugs(demosDir = runtime().config.demosDir): string[] {
  if (!fs.existsSync(demosDir)) return [];
  return fs
    .readdirSync(demosDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(demosDir, entry.name, "demo.yaml")))
    .map((entry) => entry.name)
    .sort();
}

function sha256(...parts: string[]): string {
  const hash = crypto.createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

function readText(file: string, shownAs: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new DemoFileError([{ file: shownAs, line: 1, column: 1, message: "file not found" }]);
  }
}

/** A `do:` recipe's upload names a file beside demo.yaml: it must be there, or a checker could never run it. */
function checkRecipeFiles(dir: string, shownAs: string, text: string, definition: DemoDefinition): void {
  const read = readYaml(shownAs, text);
  if (!read.ok) throw read.error;
  const problems = allSteps(definition).flatMap(({ step, at }) =>
    (step.do ?? []).flatMap((recipe, index) => {
      if (recipe.upload === undefined || recipe.file === undefined) return [];
      const where = [...at, "do", index, "file"];
      const file = path.join(dir, recipe.file);
      if (fs.existsSync(file) && fs.statSync(file).isFile()) return [];
      return [
        {
          file: shownAs,
          ...read.source.locate(where),
          message: `${describePath(where)}: no file "${recipe.file}" beside demo.yaml; add it to ${path.dirname(shownAs)}/ or name a file that is there`,
        },
      ];
    }),
  );
  if (problems.length > 0) throw new DemoFileError(problems);
}

/** Loads one demo; throws DemoFileError naming file:line:column for anything wrong. */
export function loadDemo(slug: string, demosDir = runtime().config.demosDir): LoadedDemo {
  const shown = (name: string) => path.join(path.relative(/* turbopackIgnore: true */ process.cwd(), demosDir) || ".", slug, name);
  if (!slugPattern.test(slug)) {
    throw new DemoFileError([{ file: shown(""), line: 1, column: 1, message: `a demo folder name is ${slugRule}` }]);
  }
  const demoText = readText(path.join(demosDir, slug, "demo.yaml"), shown("demo.yaml"));
  const demo = parseYamlFile(shown("demo.yaml"), demoText, demoSchema);
  if (!demo.ok) throw demo.error;
  checkRecipeFiles(path.join(demosDir, slug), shown("demo.yaml"), demoText, demo.value);

  const { fixture, sources } = readFixture(path.join(demosDir, slug), demo.value.fixture, shown);
  const fixtureParts = sources.flatMap((source) => [source.name, source.text]);

  return {
    slug,
    definition: demo.value,
    fixture,
    sourceHash: sha256(demoText, ...fixtureParts),
    fixtureHash: sha256(...fixtureParts),
  };
}

/** Loads every demo, collecting all problems so a marketer sees them in one go. */
export function loadAllDemos(demosDir = runtime().config.demosDir): { demos: LoadedDemo[]; problems: DemoFileError[] } {
  const demos: LoadedDemo[] = [];
  const problems: DemoFileError[] = [];
  for (const slug of listDemoSlugs(demosDir)) {
    try {
      demos.push(loadDemo(slug, demosDir));
    } catch (error) {
      if (error instanceof DemoFileError) problems.push(error);
      else throw error;
    }
  }
  return { demos, problems };
}
