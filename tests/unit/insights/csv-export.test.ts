import { parse } from "csv-parse/sync";
import { type SQL, sql } from "drizzle-orm";
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

describe("a long read on PostgreSQL", () => {
  // Enough people that PostgreSQL's planner prefers a hash join and a sort when it plans for every row.
  const people = 30_000;

  it("goes through a cursor planned for its first rows, a batch at a time, and gives its connection back when left early", async () => {
    if (s.dialect !== "postgres") return;
    await migrateControlPlane();
    const now = Date.now();
    await s.execute(
      sql`insert into visitors (id, last_seen_at) select 'cursor-' || n, ${now}::bigint - n from generate_series(1, ${people}) n`,
    );
    await s.execute(
      sql`insert into visitor_activity (visitor_id, human_events, first_at, last_at, rank_key)
          select 'cursor-' || n, 1, ${now}::bigint - n, ${now}::bigint - n, ${people} - n from generate_series(1, ${people}) n`,
    );
    await s.execute(sql`analyze visitors, visitor_activity`);
    try {
      const query = csvExports.visitors.sql(s);
      const planOf = async (prefix: SQL) =>
        (await s.rows<{ "QUERY PLAN": string }>(sql`explain ${prefix} ${query}`)).map((row) => row["QUERY PLAN"]).join("\n");
      // What the export used to get (a portal's plan is the plain one), and what a declared cursor gets.
      expect(await planOf(sql``)).toMatch(/\bSort\b/);
      const declared = await s.transaction((tx) =>
        tx.rows<{ "QUERY PLAN": string }>(sql`explain declare planned no scroll cursor for ${query}`),
      );
      const cursorPlan = declared.map((row) => row["QUERY PLAN"]).join("\n");
      expect(cursorPlan).toMatch(/Index Scan Backward using visitor_activity_rank/);
      expect(cursorPlan).not.toMatch(/\bSort\b/);

      // The store's reader is that cursor: while it waits between batches, its connection sits on a FETCH.
      const open = async () =>
        s.rows<{ query: string }>(
          sql`select query from pg_stat_activity where datname = current_database() and query like 'fetch forward % from openhouse_rows_%'
              and state = 'idle in transaction'`,
        );
      const batches = s.special.streamRows<{ id: string }>(query, 500)[Symbol.asyncIterator]();
      const first = await batches.next();
      expect(first.done).toBe(false);
      expect(first.value?.length).toBe(500);
      expect(first.value?.[0]?.id).toBe("cursor-1");
      expect(await open()).toHaveLength(1);
      await batches.return?.(undefined);
      expect(await open()).toHaveLength(0);

      // Read whole, every row once, in rank order.
      const ids: string[] = [];
      for await (const batch of s.special.streamRows<{ id: string }>(query, 500)) ids.push(...batch.map((row) => row.id));
      const ours = ids.filter((id) => id.startsWith("cursor-"));
      expect(ours).toHaveLength(people);
      expect(ours.slice(0, 3)).toEqual(["cursor-1", "cursor-2", "cursor-3"]);
      expect(new Set(ours).size).toBe(people);
    } finally {
      await s.execute(sql`delete from visitor_activity where visitor_id like 'cursor-%'`);
      await s.execute(sql`delete from visitors where id like 'cursor-%'`);
    }
  });
});
