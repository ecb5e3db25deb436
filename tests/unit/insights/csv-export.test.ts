import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/insights/csv-cells";

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    for (const hostile of ['=HYPERLINK("http://evil")', "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"])
      expect(csvCell(hostile).replace(/^"/, "")).toMatch(/^'/);
    // Numbers are data, not formulas: a negative count stays a number.
    expect(csvCell(-3)).toBe("-3");
  });

  it("round-trips through a real CSV parser", () => {
    const cells = ["Globex, Inc.", 'the "big" one', "=cmd|' /C calc'!A0", "line\r\nbreak", 7];
    const [row] = parse(csvLine(cells)) as string[][];
    expect(row).toEqual(["Globex, Inc.", 'the "big" one', "'=cmd|' /C calc'!A0", "line\r\nbreak", "7"]);
  });
});
