// Streaming CSV of every scored account or visitor, with its reasons. Rows come in batches from a long read
// (db/store.ts, streamRows): the export never holds the table in memory, and the shared connection stays free.
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { store } from "@/db/control-plane";
import { parseJsonColumn } from "@/db/json-column";
import type { Store } from "@/db/store";
import { csvLine } from "./csv-cells";
import { catchUpInsights } from "./fold";
import { decayedScore, formatReasons, type ScoreInput, scoreReasons } from "./score";

const rowsPerPull = 500;
const counters = sql.raw(`a.tours_finished as "toursFinished", a.steps, a.deals_created as "dealsCreated", a.stages_moved as "stagesMoved",
  a.activities_logged as "activitiesLogged", a.imports, a.choices, a.ctas, a.handraises, a.longest_gap_ms as "longestGapMs",
  a.raw_score as "rawScore", a.first_at as "firstAt", a.last_at as "lastAt"`);

type Scored = ScoreInput & { rawScore: number; firstAt: number; lastAt: number };
type VisitorRow = Scored & {
  id: string;
  account: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  source: unknown;
};
type AccountRow = Scored & { id: string; name: string; domain: string | null; people: number };

const iso = (ms: number) => new Date(ms).toISOString();

function sourceText(source: unknown): string {
  return Object.entries(parseJsonColumn<Record<string, string>>(source) ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join("; ");
}

export const csvExports = {
  visitors: {
    header: [
      "visitor",
      "account",
      "score",
      "reasons",
      "first_seen",
      "last_seen",
      "device",
      "source",
      "hand_raised",
      "deals_created",
      "tour_finished",
    ],
    // Walked in rank order along the rank index, not sorted whole: on SQLite the rows are read on the event loop,
    // and sorting every visitor before the first row stalled the server 150 ms at 100,000 visitors (4 ms with the
    // walk, whose total is ~20% longer but comes 500 rows at a time). PostgreSQL sorts in its own process.
    sql: (s: Store): SQL => sql`select v.id, acc.name as account, v.browser, v.os, v.device, v.source, ${counters}
          from visitor_activity a ${s.sql.indexedBy("visitor_activity_rank")} join visitors v on v.id = a.visitor_id left join accounts acc on acc.id = v.account_id
          where v.bot = ${s.sql.literal(false)} and v.do_not_track = ${s.sql.literal(false)} and (a.human_events > 0 or a.interactions > 0)
          order by a.rank_key desc`,
    cells: (row: VisitorRow, now: number) => [
      row.id,
      row.account,
      decayedScore(row.rawScore, row.lastAt, now),
      formatReasons(scoreReasons(row)),
      iso(row.firstAt),
      iso(row.lastAt),
      [row.browser, row.os, row.device].filter(Boolean).join(" · "),
      sourceText(row.source),
      row.handraises > 0 ? "yes" : "no",
      row.dealsCreated,
      row.toursFinished > 0 ? "yes" : "no",
    ],
  },
  accounts: {
    header: ["account_id", "account", "domain", "people", "score", "reasons", "first_seen", "last_seen", "hand_raised"],
    sql: (s: Store): SQL => sql`select acc.id, acc.name, acc.domain, a.people, ${counters}
          from account_activity a ${s.sql.indexedBy("account_activity_rank")} join accounts acc on acc.id = a.account_id where a.people > 0 order by a.rank_key desc`,
    cells: (row: AccountRow, now: number) => [
      row.id,
      row.name,
      row.domain,
      row.people,
      decayedScore(row.rawScore, row.lastAt, now),
      formatReasons(scoreReasons({ ...row, colleagues: row.people - 1 })),
      iso(row.firstAt),
      iso(row.lastAt),
      row.handraises > 0 ? "yes" : "no",
    ],
  },
} as const;

export type CsvExportName = keyof typeof csvExports;

/** The CSV as a byte stream pulled a few hundred rows at a time; cancelling it ends the read. */
export async function csvExportStream(name: CsvExportName, now = Date.now()): Promise<ReadableStream<Uint8Array>> {
  await catchUpInsights({});
  const spec = csvExports[name];
  const encoder = new TextEncoder();
  const s = store();
  const batches = s.special.streamRows<Record<string, unknown>>(spec.sql(s), rowsPerPull)[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(spec.header)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      let text = "";
      for (const row of next.value) {
        // biome-ignore lint/suspicious/noExplicitAny: each spec's cells take the row its own SQL selects
        text += csvLine((spec.cells as (row: any, now: number) => unknown[])(row, now) as string[]);
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return?.();
    },
  });
}
