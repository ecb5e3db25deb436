// The demo format's step kinds and the checks across steps: each problem names its line and what to do.
import { describe, expect, it } from "vitest";
import { demoSchema } from "@/lib/demos/demo-schema";
import { loadDemo } from "@/lib/demos/load-demo";
import { compileTour } from "@/lib/demos/tour-graph";
import { demoFolder, lineOf, problemsOf as problemsOfDemo } from "./demo-folder";

const head = [
  "title: Graph",
  "persona: Testers",
  "durationMinutes: 2",
  "summary: A small tour.",
  "funnelStage: consideration",
  "cta: { label: Book a call, url: https://example.com/book }",
];

/** A one-locale demo from the lines after its head (steps:, paths:). */
const demo = (...lines: string[]) => [...head, ...lines].join("\n");
const problemsOf = (text: string) => problemsOfDemo("graph", { "demo.yaml": text });
const messages = (text: string) => problemsOf(text).map((problem) => `${problem.line}: ${problem.message}`);

const choiceDemo = demo(
  "steps:",
  "  - { id: hello, title: Hello, body: Hi. }",
  "  - id: ask",
  "    kind: choice",
  "    title: What brings you here?",
  "    body: Pick one.",
  "    options:",
  "      - { label: Forecasts, path: numbers }",
  "      - { label: People, path: people }",
  "paths:",
  "  numbers:",
  "    - { id: chart, title: Chart, body: Bars., target: forecast-chart }",
  "    - { id: table, title: Table, body: Rows., target: forecast-table, then: finale }",
  "  people:",
  "    - { id: owners, title: Owners, body: By owner., target: forecast-by-owner, then: finale }",
  "  finale:",
  "    - { id: go, title: Go, body: Open it., navigate: forecast }",
  "    - id: wait",
  "      title: Move one",
  "      body: Move a deal.",
  "      target: deals-board",
  "      waitFor: { action: deal.stage_changed, where: { to: negotiation } }",
  "      do:",
  "        - click: { role: link, name: A deal }",
  "        - select: { role: combobox, name: Move to stage }",
  "          option: Negotiation",
  "        - click: { role: button, name: Move }",
  "    - { id: end, kind: cta, title: End, body: Talk to us. }",
);

describe("the demo format", () => {
  it("gives a step a longer look for its target when the demo asks, in whole seconds", () => {
    const text = demo(
      "steps:",
      "  - { id: wait, title: Wait, body: Upload first., target: import-errors, targetWaitSeconds: 90 }",
      "  - { id: end, kind: cta, title: End, body: Talk to us. }",
    );
    const loaded = loadDemo("graph", demoFolder("graph", { "demo.yaml": text }));
    const tour = compileTour(loaded.definition, { slug: "graph", locale: "en", contactUrl: "https://contact.example" });
    expect(tour.steps.find((step) => step.id === "wait")?.timeoutMs).toBe(90_000);
    expect(tour.steps.find((step) => step.id === "end")?.timeoutMs).toBeUndefined();
    expect(messages(text.replace("targetWaitSeconds: 90", "targetWaitSeconds: 1.5"))).toEqual([
      expect.stringMatching(/^8: .*targetWaitSeconds is a whole number of seconds, like 60/),
    ]);
  });

  it("accepts every step kind, and compiles each path with the step after each step", () => {
    const loaded = loadDemo("graph", demoFolder("graph", { "demo.yaml": choiceDemo }));
    const tour = compileTour(loaded.definition, { slug: "graph", locale: "en", contactUrl: "https://contact.example" });
    expect(tour.start).toBe("hello");
    const byId = Object.fromEntries(tour.steps.map((step) => [step.id, step]));
    expect(byId.hello).toMatchObject({ kind: "modal", placement: "center", next: "ask", stepsLeft: 5 });
    expect(byId.ask?.options).toEqual([
      { label: "Forecasts", path: "numbers", step: "chart" },
      { label: "People", path: "people", step: "owners" },
    ]);
    expect(byId.ask?.next).toBeUndefined();
    expect(byId.table?.next).toBe("go");
    expect(byId.owners).toMatchObject({ kind: "popover", next: "go", stepsLeft: 3 });
    expect(byId.go?.navigate).toEqual({ route: "forecast", path: "/forecast", title: "Forecast" });
    expect(byId.wait?.waitFor).toEqual({ action: "deal.stage_changed", where: { to: "negotiation" } });
    expect(byId.end).toMatchObject({ kind: "cta", cta: { label: "Book a call", url: "https://example.com/book" } });
    expect(byId.end?.next).toBeUndefined();
    // Recipes and Markdown sources stay on the server.
    expect(JSON.stringify(tour)).not.toContain("Move to stage");
  });

  it("resolves url: contact to the configured contact address, and a step's own cta over the demo's", () => {
    const text = choiceDemo
      .replace("url: https://example.com/book", "url: contact")
      .replace(
        "{ id: end, kind: cta, title: End, body: Talk to us. }",
        "{ id: end, kind: cta, title: End, body: Talk., cta: { label: Pricing, url: https://example.com/p } }",
      );
    const { definition } = loadDemo("graph", demoFolder("graph", { "demo.yaml": text }));
    const tour = compileTour(definition, { slug: "graph", locale: "en", contactUrl: "https://contact.example/x" });
    expect(tour.steps.find((step) => step.id === "end")?.cta).toEqual({ label: "Pricing", url: "https://example.com/p" });
    const plain = compileTour(
      loadDemo("graph", demoFolder("graph", { "demo.yaml": choiceDemo.replace("url: https://example.com/book", "url: contact") }))
        .definition,
      {
        slug: "graph",
        locale: "en",
        contactUrl: "https://contact.example/x",
      },
    );
    expect(plain.steps.find((step) => step.id === "end")?.cta?.url).toBe("https://contact.example/x");
  });

  it("names a where: field the action does not have, and a value its field cannot hold, with the allowed ones", () => {
    const wrongField = choiceDemo.replace("where: { to: negotiation }", "where: { stage: negotiation }");
    expect(messages(wrongField)).toEqual([
      `${lineOf(wrongField, "where: { stage")}: paths.finale[1].waitFor.where.stage: deal.stage_changed has no field "stage"; its fields are deal, from, to`,
    ]);
    const wrongValue = choiceDemo.replace("where: { to: negotiation }", "where: { to: closing }");
    expect(messages(wrongValue)).toEqual([
      `${lineOf(wrongValue, "where: { to: closing")}: paths.finale[1].waitFor.where: to is one of lead, qualified, proposal, negotiation, won, lost, not "closing"`,
    ]);
    const numberAsText = choiceDemo.replace(
      "waitFor: { action: deal.stage_changed, where: { to: negotiation } }",
      'waitFor: { action: contacts.imported, where: { count: "five" } }',
    );
    expect(messages(numberAsText)[0]).toMatch(/waitFor\.where: count is a number; write it without quotes/);
  });

  it("checks do: recipes: a known anchor, and an upload file that is beside demo.yaml", () => {
    const badAnchor = choiceDemo.replace("- click: { role: button, name: Move }", "- click: move-button");
    const [anchorProblem] = problemsOf(badAnchor);
    expect(anchorProblem?.line).toBe(lineOf(badAnchor, "click: move-button"));
    expect(anchorProblem?.message).toMatch(
      /paths\.finale\[1\]\.do\[2\]\.click: unknown anchor "move-button"; the product has: deals-board/,
    );

    const upload = choiceDemo.replace("- click: { role: button, name: Move }", "- upload: import-upload\n          file: people.csv");
    const [missing] = problemsOf(upload);
    expect(missing?.line).toBe(lineOf(upload, "file: people.csv"));
    expect(missing?.message).toMatch(/paths\.finale\[1\]\.do\[2\]\.file: no file "people\.csv" beside demo\.yaml/);
    expect(() => loadDemo("graph", demoFolder("graph", { "demo.yaml": upload, "people.csv": "Name,Company\nAna,Acme\n" }))).not.toThrow();

    // A popover without waitFor may carry what the visitor does before pressing Next; a navigate step may not.
    const withoutWait = choiceDemo.replace(
      "{ id: chart, title: Chart, body: Bars., target: forecast-chart }",
      "{ id: chart, title: Chart, body: Bars., target: forecast-chart, do: [ { click: forecast-chart } ] }",
    );
    expect(() => loadDemo("graph", demoFolder("graph", { "demo.yaml": withoutWait }))).not.toThrow();
    const onNavigate = choiceDemo.replace("navigate: forecast }", "navigate: forecast, do: [ { click: forecast-chart } ] }");
    expect(messages(onNavigate)[0]).toMatch(
      /paths\.finale\[0\]\.do: do: is what the visitor does at a step before it moves on; a navigate step/,
    );
  });

  it("names an unknown route with the routes a tour can go to", () => {
    const text = choiceDemo.replace("navigate: forecast", "navigate: reports");
    expect(messages(text)).toEqual([
      `${lineOf(text, "navigate: reports")}: paths.finale[0].navigate: unknown route "reports"; a tour can go to: board, new-deal, companies, contacts, forecast, import`,
    ]);
  });

  it("says placement: center is now kind: modal", () => {
    const text = choiceDemo.replace("{ id: hello, title: Hello, body: Hi. }", "{ id: hello, title: Hello, body: Hi., placement: center }");
    expect(messages(text)).toEqual([
      `${lineOf(text, "placement: center")}: steps[0].placement: placement: center is now kind: modal (a step without a target is centered)`,
    ]);
  });

  it("names a choice option and a then: that lead to a path that does not exist", () => {
    const text = choiceDemo.replace("path: people }", "path: peple }");
    const found = messages(text);
    expect(found).toContain(
      `${lineOf(text, "path: peple")}: steps[1].options[1].path: no path named "peple"; the paths are main, numbers, people, finale`,
    );
    expect(found).toContain(
      `${lineOf(text, "id: owners")}: paths.people: the people path is never reached: no choice option or then: leads to it`,
    );
    const then = choiceDemo.replace("then: finale }", "then: finali }");
    expect(messages(then)[0]).toBe(
      `${lineOf(then, "then: finali")}: paths.numbers[1].then: no path named "finali"; the paths are main, numbers, people, finale`,
    );
  });

  it("finds a step no way through the tour reaches", () => {
    const stranded = choiceDemo.replace(
      "    - { id: owners, title: Owners, body: By owner., target: forecast-by-owner, then: finale }",
      "    - { id: owners, title: Owners, body: By owner., target: forecast-by-owner, then: finale }\n  island:\n    - { id: lonely, kind: cta, title: Lonely, body: Nobody comes. }",
    );
    expect(messages(stranded)).toEqual([
      `${lineOf(stranded, "id: lonely")}: paths.island: the island path is never reached: no choice option or then: leads to it`,
    ]);
    const afterChoice = choiceDemo.replace(
      "      - { label: People, path: people }",
      "      - { label: People, path: people }\n  - { id: orphan, kind: cta, title: Orphan, body: Never shown. }",
    );
    const found = messages(afterChoice);
    expect(found).toContain(
      `${lineOf(afterChoice, "kind: choice")}: steps[1].kind: a choice ends its path: the steps after it in main are never shown; move them to a path an option leads to`,
    );
    expect(found).toContain(
      `${lineOf(afterChoice, "id: orphan")}: steps[2].id: step "orphan" is never shown: no visitor's way through the tour reaches it`,
    );
  });

  it("finds a loop of then: with no way out", () => {
    const text = demo(
      "steps:",
      "  - { id: one, title: One, body: First., then: loop }",
      "paths:",
      "  loop:",
      "    - { id: two, title: Two, body: Second. }",
      "    - { id: three, title: Three, body: Third., then: loop }",
    );
    expect(messages(text)).toEqual([
      `${lineOf(text, "id: three")}: paths.loop[1].then: these steps loop with no way out for a visitor without a persona: one, two, three; end one of the paths with a cta step or offer a choice that leaves the loop`,
    ]);
    // A choice that offers a way out makes the same loop fine.
    const withExit = demo(
      "steps:",
      "  - { id: one, title: One, body: First., then: loop }",
      "paths:",
      "  loop:",
      "    - { id: two, title: Two, body: Second. }",
      "    - id: again",
      "      kind: choice",
      "      title: Again?",
      "      body: Once more?",
      "      options: [ { label: Again, path: loop }, { label: Done, path: done } ]",
      "  done:",
      "    - { id: bye, kind: cta, title: Bye, body: Thanks. }",
    );
    expect(() => loadDemo("graph", demoFolder("graph", { "demo.yaml": withExit }))).not.toThrow();
  });

  it("finds a path that ends without a call to action, for each persona", () => {
    const text = choiceDemo.replace(
      "    - { id: end, kind: cta, title: End, body: Talk to us. }",
      "    - { id: end, title: End, body: Bye. }",
    );
    expect(messages(text)).toEqual([
      `${lineOf(text, "id: end")}: paths.finale[2]: the finale path ends here for a visitor without a persona, but not on a call to action; end it with a kind: cta step (or then: a path that does)`,
    ]);
    const personas = choiceDemo
      .replace("funnelStage: consideration", "funnelStage: consideration\npersonas: [leader]")
      .replace(
        "    - { id: end, kind: cta, title: End, body: Talk to us. }",
        "    - { id: end, kind: cta, title: End, body: Talk to us., personas: [leader] }",
      );
    expect(messages(personas)).toContain(
      `${lineOf(personas, "id: wait")}: paths.finale[1]: the finale path ends here for a visitor without a persona, but not on a call to action; end it with a kind: cta step (or then: a path that does)`,
    );
  });

  it("requires funnelStage and cta, and checks what each kind needs", () => {
    const text = choiceDemo
      .replace("funnelStage: consideration\n", "")
      .replace("cta: { label: Book a call, url: https://example.com/book }\n", "");
    expect(messages(text)).toEqual([
      "1: funnelStage is required — add funnelStage: where in the buyer's journey this demo is for: awareness, consideration or decision",
      "1: cta is required — add cta: the demo's call to action, shown by its cta steps",
    ]);
    const httpCta = choiceDemo.replace("url: https://example.com/book", "url: http://example.com/book");
    expect(messages(httpCta)[0]).toMatch(/cta\.url: a CTA url is an https:\/\/ address, or the word "contact"/);
    const modalWithTarget = choiceDemo.replace(
      "{ id: chart, title: Chart, body: Bars., target: forecast-chart }",
      "{ id: chart, kind: modal, title: Chart, body: Bars., target: forecast-chart }",
    );
    expect(messages(modalWithTarget)[0]).toMatch(/paths\.numbers\[0\]\.kind: a modal is centered and has no target/);
    const oneOption = choiceDemo.replace("      - { label: People, path: people }\n", "");
    expect(messages(oneOption)[0]).toMatch(/steps\[1\]\.options: Too small: expected array to have >=2 items/);
  });

  it("keeps role + name locators and localized labels in the visitor's locale", () => {
    const parsed = demoSchema.safeParse({
      title: { en: "T", de: "T" },
      persona: { en: "P", de: "P" },
      durationMinutes: 1,
      summary: { en: "S", de: "S" },
      funnelStage: "awareness",
      cta: { label: { en: "Call us", de: "Rufen Sie an" }, url: "contact" },
      locales: ["en", "de"],
      steps: [
        { id: "a", title: { en: "A", de: "A" }, body: { en: "a", de: "a" }, locate: { role: "button", name: "Move" } },
        { id: "b", kind: "cta", title: { en: "B", de: "B" }, body: { en: "b", de: "b" } },
      ],
    });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const tour = compileTour(parsed.data, { slug: "t", locale: "de", contactUrl: "https://c.example" });
    expect(tour.steps[0]).toMatchObject({ kind: "popover", locate: { role: "button", name: "Move" } });
    expect(tour.steps[1]?.cta).toEqual({ label: "Rufen Sie an", url: "https://c.example" });
    const untranslated = demoSchema.safeParse({ ...parsed.data, cta: { label: "Call us", url: "contact" } });
    expect(untranslated.error?.issues.map((issue) => issue.path.join("."))).toEqual(["cta.label"]);
  });
});
