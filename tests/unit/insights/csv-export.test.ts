import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { csvCell, csvLine } from "@/lib/insights/csv-cells";
import { type CsvExportName, csvExports } from "@/lib/insights/export-csv";
import { s } from "../control-plane";

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

/**
 * SQLite's statistics as bench:sales left them at 1M events (sqlite_stat1, analysed before the fold filled the
 * aggregates): with them the planner scanned every visitor and sorted, 150 ms before the first row. A fresh test
 * database has none, and the planner walks the index of its own accord, so the test brings them.
 */
const bench1M: [string, string, string][] = [
  ["visitors", "sqlite_autoindex_visitors_1", "100000 1"],
  ["visitors", "visitors_last_seen", "100000 1"],
  ["visitors", "visitors_account_seen", "100000 991 1"],
  ["accounts", "sqlite_autoindex_accounts_1", "2000 1"],
  ["visitor_activity", "visitor_activity_raised_rank", "0 0"],
  ["account_activity", "account_activity_raised_rank", "0 0"],
];

/** Runs `read` planned with these statistics, then puts the database's own back (SQLite's documented steering). */
async function sqliteStatistics<Result>(rows: [string, string, string][], read: () => Promise<Result>): Promise<Result> {
  await s.execute(sql`analyze`);
  const saved = await s.rows<{ tbl: string; idx: string; stat: string }>(sql`select tbl, idx, stat from sqlite_stat1`);
  try {
    for (const [tbl, idx, stat] of rows) {
      await s.execute(sql`delete from sqlite_stat1 where tbl = ${tbl} and idx = ${idx}`);
      await s.execute(sql`insert into sqlite_stat1 (tbl, idx, stat) values (${tbl}, ${idx}, ${stat})`);
    }
    await s.execute(sql`analyze sqlite_schema`);
    return await read();
  } finally {
    await s.execute(sql`delete from sqlite_stat1`);
    for (const row of saved) await s.execute(sql`insert into sqlite_stat1 (tbl, idx, stat) values (${row.tbl}, ${row.idx}, ${row.stat})`);
    await s.execute(sql`analyze sqlite_schema`);
  }
}

describe("the exports' reads", () => {
  it("read only the aggregates, and on SQLite walk the rank index instead of sorting every row first", async () => {
    await migrateControlPlane();
    for (const name of Object.keys(csvExports) as CsvExportName[]) {
      const query = csvExports[name].sql(s);
      if (s.dialect === "postgres") {
        const plan = (await s.rows<{ "QUERY PLAN": string }>(sql`explain ${query}`)).map((row) => row["QUERY PLAN"]).join("\n");
        // However many events there are, an export costs what its aggregates cost (the README's promise).
        expect(plan, name).not.toMatch(/\bon events\b/);
        expect(plan, name).toMatch(/_activity/);
      } else {
        // The rows are read on the server's event loop: a sort of every visitor before the first row stalled it.
        const plan = await sqliteStatistics(bench1M, () =>
          s.rows<{ detail: string }>(sql`explain query plan ${query}`).then((rows) => rows.map((row) => row.detail).join(" | ")),
        );
        expect(plan, name).not.toMatch(/\bevents\b/);
        expect(plan, name).toMatch(new RegExp(`SCAN a USING INDEX ${name === "visitors" ? "visitor" : "account"}_activity_rank`));
        expect(plan, name).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      }
    }
  });
});
