import { describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/demos/load-demo";
import { problemsOf as problemsOfDemo, shippedDemo, shippedFixture } from "./demo-folder";

const goodFixture = shippedFixture;
const goodDemo = shippedDemo;
const problemsOf = (files: Record<string, string | null>) => problemsOfDemo("broken", files);

describe("demo files", () => {
  it("loads the shipped pipeline-basics demo", () => {
    const demo = loadDemo("pipeline-basics");
    expect(demo.definition.steps.length).toBeGreaterThanOrEqual(5);
    expect(demo.definition.steps.some((step) => step.waitFor === "deal.created")).toBe(true);
    expect(demo.fixture.deals.length).toBeGreaterThan(5);
  });

  it("names the file and line of a wrong value in demo.yaml", () => {
    const text = goodDemo.replace("placement: top", "placement: sideways");
    const line = text.split("\n").findIndex((row) => row.includes("sideways")) + 1;
    const [problem] = problemsOf({ "demo.yaml": text, "fixture.yaml": goodFixture });
    expect(problem).toMatchObject({ file: expect.stringMatching(/broken\/demo\.yaml$/), line });
    expect(problem?.message).toBe('steps[1]: placement cannot be "sideways" — use one of: top, bottom, left, right');
  });

  it("refuses a javascript: link in a step's body, at its line, saying which links are allowed", () => {
    const text = goodDemo.replace(
      "en: The board groups open deals by stage.",
      "en: The board groups open deals by [stage](javascript:steal).",
    );
    const line = text.split("\n").findIndex((row) => row.includes("javascript:steal")) + 1;
    const [problem] = problemsOf({ "demo.yaml": text, "fixture.yaml": goodFixture });
    expect(problem?.line).toBe(line);
    expect(problem?.message).toMatch(/steps\[1\]\.body\.en: the link "javascript:steal" is not allowed/);
  });

  it("names a missing translation at its text's line, and a locale the demo does not offer", () => {
    const missing = goodDemo.replace(
      "title: { en: Your pipeline in one number, de: Ihre Pipeline in einer Zahl }",
      "title: { en: Your pipeline in one number }",
    );
    const line = missing.split("\n").findIndex((row) => row.includes("title: { en: Your pipeline in one number }")) + 1;
    const [problem] = problemsOf({ "demo.yaml": missing, "fixture.yaml": goodFixture });
    expect(problem?.line).toBe(line);
    expect(problem?.message).toMatch(/steps\[2\]\.title: missing the "de" translation \(locales: en, de\)/);

    const plain = goodDemo.replace("title: { en: Your pipeline in one number, de: Ihre Pipeline in einer Zahl }", "title: Your pipeline");
    expect(problemsOf({ "demo.yaml": plain, "fixture.yaml": goodFixture })[0]?.message).toMatch(
      /give this text for each, as \{ en: …, de: … \}/,
    );

    const extra = goodDemo.replace("de: Ihre Pipeline in einer Zahl }", "de: Ihre Pipeline in einer Zahl, fr: Votre pipeline }");
    expect(problemsOf({ "demo.yaml": extra, "fixture.yaml": goodFixture })[0]?.message).toMatch(/"fr" is not one of this demo's locales/);
  });

  it("points a missing required field at its step", () => {
    const text = goodDemo.replace('    title: { en: "Every deal, by stage", de: Jeder Deal nach Phase }\n', "");
    const line = text.split("\n").findIndex((row) => row.includes("id: board")) + 1;
    const [problem] = problemsOf({ "demo.yaml": text, "fixture.yaml": goodFixture });
    expect(problem?.line).toBe(line);
    expect(problem?.message).toMatch(/^steps\[1\]: title is required — add title: /);
  });

  it("reports YAML errors (here a repeated key) with their line", () => {
    const [problem] = problemsOf({ "demo.yaml": "title: ok\npersona: x\ntitle: again\n", "fixture.yaml": goodFixture });
    expect(problem?.line).toBe(3);
    expect(problem?.file).toMatch(/demo\.yaml$/);
  });

  it("rejects duplicate step ids and says which step came first", () => {
    const text = goodDemo.replace("id: total", "id: board");
    const problems = problemsOf({ "demo.yaml": text, "fixture.yaml": goodFixture });
    expect(problems[0]?.message).toMatch(/step id "board" is already used at steps\[1\]/);
  });

  it("names the fixture row that refers to an unknown company", () => {
    const text = goodFixture.replace("company: globex, title: Globex field-ops pilot", "company: globexx, title: Globex field-ops pilot");
    const line = text.split("\n").findIndex((row) => row.includes("globexx")) + 1;
    const [problem] = problemsOf({ "demo.yaml": goodDemo, "fixture.yaml": text });
    expect(problem).toMatchObject({ file: expect.stringMatching(/fixture\.yaml$/), line });
    expect(problem?.message).toMatch(/deals\[2\]\.company: unknown company "globexx"/);
  });

  it("says so when the fixture file is missing", () => {
    const [problem] = problemsOf({ "demo.yaml": goodDemo, "fixture.yaml": null });
    expect(problem?.message).toBe("file not found");
  });
});
