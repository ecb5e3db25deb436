// Messages a marketer reads for a mistake in a fixture's CSV file or YAML: at the cell's own line and column,
// in their words ("amount is a plain number of dollars, like 84000"), never zod's ("expected number").
import { describe, expect, it } from "vitest";
import { activityKinds, stages } from "@/lib/pipeline/vocabulary";
import { problemsOf, shippedFixture } from "./demo-folder";

const header = "key,company,title,amount,stage,owner,closeDate,createdAt";
const goodRow = "big-deal,globex,Globex renewal,40000,proposal,Dana Scully,2026-02-01,2026-01-02T09:00:00Z";
/** The shipped fixture, its deals in deals.csv (header, one good row, then `row`). */
const fixture = shippedFixture
  .replace(/^deals:\n(?: {2}.*\n|\s*\n)*?(?=activities:)/m, "deals: deals.csv\n\n")
  .replace(/^activities:\n(?: {2}.*\n|\s*\n)*/m, "");
const problemsFor = (row: string) => {
  const csv = [header, goodRow, row].join("\n");
  return { csv, problems: problemsOf("cells", { "fixture.yaml": fixture, "deals.csv": csv }) };
};
/** 1-based line and column where `cell` starts in the last row of `csv`. */
const cellAt = (csv: string, cell: string) => ({ line: csv.split("\n").length, column: (csv.split("\n").at(-1)?.indexOf(cell) ?? -1) + 1 });

describe("messages for a fixture's CSV cells", () => {
  it("says closeDate is required at the empty cell", () => {
    const { csv, problems } = problemsFor("late,globex,Late one,5000,lead,Dana Scully,,2026-01-02T09:00:00Z");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: expect.stringMatching(/cells\/deals\.csv$/),
      ...cellAt(csv, ",2026-01-02T09"),
      column: cellAt(csv, ",2026-01-02T09").column,
    });
    expect(problems[0]?.message).toMatch(/^closeDate is required — fill in its cell: when it is expected to close, written YYYY-MM-DD/);
  });

  it.each(["84k", "$84000", '"84,000"'])("says amount %s is a plain number of dollars, at its own cell", (amount) => {
    const { csv, problems } = problemsFor(`odd,globex,Odd amount,${amount},lead,Dana Scully,2026-02-01,2026-01-02T09:00:00Z`);
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/deals\.csv$/),
        ...cellAt(csv, amount),
        message: "amount is a plain number of dollars, like 84000 — no $, k, commas or spaces",
      },
    ]);
  });

  it("says 84000.50 is not a whole number of dollars", () => {
    const { csv, problems } = problemsFor("cents,globex,With cents,84000.50,lead,Dana Scully,2026-02-01,2026-01-02T09:00:00Z");
    expect(problems).toEqual([
      { file: expect.any(String), ...cellAt(csv, "84000.50"), message: "amount is a whole number of dollars, like 84000" },
    ]);
  });

  it("lists the stages, with the one a typo meant", () => {
    const { csv, problems } = problemsFor("typo,globex,Typo,5000,negotation,Dana Scully,2026-02-01,2026-01-02T09:00:00Z");
    expect(problems).toEqual([
      {
        file: expect.any(String),
        ...cellAt(csv, "negotation"),
        message: `stage cannot be "negotation" — did you mean "negotiation"? use one of: ${stages.join(", ")}`,
      },
    ]);
  });

  it("shows how a time is written", () => {
    const { csv, problems } = problemsFor("when,globex,When,5000,lead,Dana Scully,2026-02-01,2 January 2026");
    expect(problems).toEqual([
      {
        file: expect.any(String),
        ...cellAt(csv, "2 January"),
        message: "createdAt: a time is written YYYY-MM-DDTHH:MM:SSZ (UTC), like 2026-01-15T14:30:00Z",
      },
    ]);
  });

  it("points into a quoted cell that spans lines at the line it starts on", () => {
    const row = 'multi,globex,"Two\nlines",5000,lead,Dana Scully,2026-02-01,soon';
    const { csv, problems } = problemsFor(row);
    const lines = csv.split("\n");
    expect(problems[0]).toMatchObject({ line: lines.length, column: (lines.at(-1)?.indexOf("soon") ?? 0) + 1 });
  });
});

describe("messages for a fixture written in YAML", () => {
  it("lists the activity kinds, and names amounts and missing fields the same way", () => {
    const text = shippedFixture
      .replace(/kind: call\b/, "kind: phone")
      .replace(/amount: (\d+)/, "amount: $1k")
      .replace(/, industry: Energy/, "");
    const messages = problemsOf("yaml-fixture", { "fixture.yaml": text }).map((problem) => problem.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^companies\[1\]: industry is required — add industry: its industry/),
        expect.stringMatching(/^deals\[0\]: amount is a plain number of dollars, like 84000/),
        `activities[3]: kind cannot be "phone" — use one of: ${activityKinds.join(", ")}`,
      ]),
    );
    expect(messages.join("\n")).not.toMatch(/expected|received|Invalid/);
  });
});
