// Messages a marketer reads for a mistake in demo.yaml: what is wrong and how to fix it, on the line to fix,
// with a "did you mean" for a mistyped field, anchor, persona or locale (issue #10's "What a marketer met").
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { didYouMean } from "@/lib/demos/did-you-mean";
import { explainIssues } from "@/lib/demos/explain-issues";
import { DemoFileError, formatProblem } from "@/lib/demos/parse-yaml-file";
import { navigableRoutes } from "@/lib/pipeline/manifest";
import { lineOf, problemsOf, shippedDemo } from "./demo-folder";

const problemsIn = (demoYaml: string) => problemsOf("broken", { "demo.yaml": demoYaml });
const column = (text: string, needle: string) => (text.split("\n")[lineOf(text, needle) - 1]?.indexOf(needle) ?? -1) + 1;

describe("messages for a broken demo.yaml", () => {
  it('says unknown field "tittle" — did you mean "title"? on the key\'s own line, and nothing else for that step', () => {
    const text = shippedDemo.replace("title: { en: Your pipeline in one number", "tittle: { en: Your pipeline in one number");
    const problems = problemsIn(text);
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/broken\/demo\.yaml$/),
        line: lineOf(text, "tittle:"),
        column: column(text, "tittle:"),
        message: 'steps[2]: unknown field "tittle" — did you mean "title"?',
      },
    ]);
  });

  it("names a missing field as required, with what it is, at its step", () => {
    const text = shippedDemo.replace(/^ {4}title: \{ en: Your pipeline in one number.*\n/m, "");
    const [problem, ...rest] = problemsIn(text);
    expect(rest).toEqual([]);
    expect(problem?.message).toBe("steps[2]: title is required — add title: the step's heading (or one per locale: { en: …, de: … })");
    expect(problem?.line).toBe(lineOf(text, "- id: total"));
  });

  it("lists the fields a step has when an unknown one is nothing like any of them", () => {
    const text = shippedDemo.replace("  - id: welcome\n", "  - id: welcome\n    colour: blue\n");
    const [problem] = problemsIn(text);
    expect(problem?.line).toBe(lineOf(text, "colour: blue"));
    expect(problem?.message).toMatch(/^steps\[0\]: unknown field "colour" — remove it, or use one of: id, kind, title, body, target/);
  });

  it("suggests the anchor a typo meant, and where to list every anchor with its page", () => {
    const text = shippedDemo.replace("target: pipeline-total", "target: pipeline-totl");
    const [problem] = problemsIn(text);
    expect(problem).toMatchObject({ line: lineOf(text, "pipeline-totl"), column: column(text, "pipeline-totl") });
    expect(problem?.message).toBe(
      'steps[2].target: unknown anchor "pipeline-totl" — did you mean "pipeline-total"? (`npm run demos:check -- --anchors` lists every anchor with its page)',
    );
  });

  it("suggests the persona and the locale a typo meant", () => {
    const persona = shippedDemo.replace("personas: [leader, rep]", "personas: [leader, repp]");
    expect(problemsIn(persona)[0]?.message).toMatch(/^personas\[1\]: unknown persona "repp" — did you mean "rep"\? \(personas are: /);
    const locale = shippedDemo.replace("title: { en: Welcome to Pipeline, de:", "title: { en: Welcome to Pipeline, dee:");
    const messages = problemsIn(locale).map((problem) => problem.message);
    expect(messages).toContain(
      `steps[0].title.dee: "dee" is not one of this demo's locales (en, de) — did you mean "de"? (add it under locales: or remove it)`,
    );
  });

  it("suggests the route a typo meant, from the manifest's navigable routes", () => {
    const schema = z.object({ navigate: z.enum(navigableRoutes) }).strict();
    const data = { navigate: "forcast" };
    const issues = schema.safeParse(data).error?.issues ?? [];
    expect(explainIssues(issues, schema, data).map((issue) => issue.message)).toEqual([
      `navigate cannot be "forcast" — did you mean "forecast"? use one of: ${navigableRoutes.join(", ")}`,
    ]);
  });

  it("writes every problem as file:line:col — what is wrong — how to fix", () => {
    const text = shippedDemo.replace("placement: top", "placement: sideways");
    const error = new DemoFileError(problemsIn(text));
    expect(error.message).toMatch(
      /^\S+broken\/demo\.yaml:\d+:\d+ — steps\[1\]: placement cannot be "sideways" — use one of: top, bottom, left, right$/,
    );
    expect(formatProblem({ file: "a.yaml", line: 2, column: 3, message: "x — y" })).toBe("a.yaml:2:3 — x — y");
  });
});

describe("did you mean", () => {
  it("picks a near name and stays quiet when nothing is near", () => {
    expect(didYouMean("tittle", ["id", "title", "body"])).toBe("title");
    expect(didYouMean("deal-satge", ["deal-stage", "deal-activity"])).toBe("deal-stage");
    expect(didYouMean("Pipeline_Total", ["pipeline-total"])).toBe("pipeline-total");
    expect(didYouMean("cfo", ["leader", "manager", "rep", "ops"])).toBeUndefined();
    expect(didYouMean("colour", ["id", "title", "body", "target"])).toBeUndefined();
  });
});
