// Fixtures may be YAML or JSON, and any table may live in a CSV file beside them; every mistake in any
// of those files is reported as file:line naming the field.
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadDemo } from "@/lib/demos/load-demo";
import { demoFolder, lineOf, problemsOf as problemsOfDemo, shippedDemo, shippedFixture } from "./demo-folder";

const shipped = loadDemo("pipeline-basics").fixture;

const dealsCsv = [
  "key,company,title,amount,stage,owner,closeDate,createdAt",
  ...shipped.deals.map((deal) =>
    [
      deal.key,
      deal.company,
      `"${deal.title.replaceAll('"', '""')}"`,
      deal.amount,
      deal.stage,
      deal.owner,
      deal.closeDate,
      deal.createdAt,
    ].join(","),
  ),
].join("\n");

/** The shipped fixture with its deals table moved out to deals.csv. */
const fixtureWithCsvDeals = shippedFixture.replace(/^deals:\n(?: {2}.*\n|\s*\n)*?(?=activities:)/m, "deals: deals.csv\n\n");

const folder = (files: Record<string, string | null>) => demoFolder("csv-demo", { "fixture.yaml": null, ...files });
const problemsOf = (files: Record<string, string | null>) => problemsOfDemo("csv-demo", { "fixture.yaml": null, ...files });

describe("fixture files", () => {
  it("reads a table from a CSV file exactly as the same rows written inline", () => {
    expect(fixtureWithCsvDeals).toContain("deals: deals.csv");
    expect(fixtureWithCsvDeals).not.toContain(shipped.deals[0]?.title);
    const demo = loadDemo("csv-demo", folder({ "fixture.yaml": fixtureWithCsvDeals, "deals.csv": dealsCsv }));
    expect(demo.fixture).toEqual(shipped);
  });

  it("reads a JSON fixture named in demo.yaml", () => {
    const json = JSON.stringify(parseYaml(shippedFixture), null, 2);
    const demo = loadDemo("csv-demo", folder({ "demo.yaml": `${shippedDemo}\nfixture: sample.json\n`, "sample.json": json }));
    expect(demo.fixture).toEqual(shipped);
  });

  it("keys the template by the CSV's contents too, so editing the spreadsheet recompiles", () => {
    const before = loadDemo("csv-demo", folder({ "fixture.yaml": fixtureWithCsvDeals, "deals.csv": dealsCsv }));
    const after = loadDemo(
      "csv-demo",
      folder({ "fixture.yaml": fixtureWithCsvDeals, "deals.csv": dealsCsv.replace(",lead,", ",qualified,") }),
    );
    expect(after.fixtureHash).not.toBe(before.fixtureHash);
  });

  it("names the CSV file, the row's line and the field of a wrong value", () => {
    const key = shipped.deals[3]?.key ?? "";
    const csv = dealsCsv.replace(new RegExp(`^(${key},[^,]*,"[^"]*"),\\d+`, "m"), "$1,lots");
    const [problem] = problemsOf({ "fixture.yaml": fixtureWithCsvDeals, "deals.csv": csv });
    expect(problem).toMatchObject({ file: expect.stringMatching(/csv-demo\/deals\.csv$/), line: 5 });
    expect(problem?.message).toBe("amount is a plain number of dollars, like 84000 — no $, k, commas or spaces");
  });

  it("counts lines right after a quoted cell that spans lines, and checks keys across files", () => {
    const rows = dealsCsv.split("\n");
    rows[1] = rows[1]?.replace(/"([^"]*)"/, '"$1\nsecond line"') ?? "";
    rows[2] = rows[2]?.replace(/^([^,]*),[^,]*,/, "$1,nobody-inc,") ?? "";
    const csv = rows.join("\n");
    const [problem] = problemsOf({ "fixture.yaml": fixtureWithCsvDeals, "deals.csv": csv });
    expect(problem).toMatchObject({ file: expect.stringMatching(/deals\.csv$/), line: 4 });
    expect(problem?.message).toMatch(/^company: unknown company "nobody-inc"; the company keys are: northwind, globex/);
  });

  it("rejects an unknown column on the header line and lists the known ones", () => {
    const [problem] = problemsOf({ "fixture.yaml": fixtureWithCsvDeals, "deals.csv": dealsCsv.replace("amount", "amout") });
    expect(problem).toMatchObject({ line: 1, column: dealsCsv.indexOf("amount") + 1 });
    expect(problem?.message).toMatch(/unknown column "amout" — did you mean "amount"\? deals has: key, company, title, amount/);
  });

  it("reports a broken CSV (an unclosed quote) with its line", () => {
    const csv = `${dealsCsv.split("\n").slice(0, 3).join("\n")}\nbroken,globex,"no end,1,lead,Sam,2026-01-01,2026-01-01T00:00:00Z\n`;
    const [problem] = problemsOf({ "fixture.yaml": fixtureWithCsvDeals, "deals.csv": csv });
    expect(problem).toMatchObject({ file: expect.stringMatching(/deals\.csv$/), line: 4 });
    expect(problem?.message).toMatch(/Quote Not Closed/);
  });

  it("points a missing or oddly named CSV file at the fixture line that names it", () => {
    const line = lineOf(fixtureWithCsvDeals, "deals: deals.csv");
    const [missing] = problemsOf({ "fixture.yaml": fixtureWithCsvDeals });
    expect(missing).toMatchObject({
      file: expect.stringMatching(/fixture\.yaml$/),
      line,
      message: "deals: deals.csv not found beside the fixture",
    });
    const [odd] = problemsOf({ "fixture.yaml": fixtureWithCsvDeals.replace("deals.csv", "../secrets.csv") });
    expect(odd?.message).toMatch(/a table is a list of rows or the name of a \.csv file/);
  });

  it("still points YAML mistakes at the fixture when another table is a CSV", () => {
    const text = fixtureWithCsvDeals.replace("workspace: Acme Robotics", "workspace: ''");
    const [problem] = problemsOf({ "fixture.yaml": text, "deals.csv": dealsCsv });
    expect(problem).toMatchObject({ file: expect.stringMatching(/fixture\.yaml$/), line: lineOf(text, "workspace:") });
    expect(problem?.message).toMatch(/^workspace: /);
  });
});
