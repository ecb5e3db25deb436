// Streaming CSV of every scored account or visitor, with its reasons. Rows come from an iterating statement
// on a read-only connection of its own: the export never holds the file in memory, and the shared
// connection stays free for ingest (better-sqlite3 refuses other statements on a connection mid-iteration).
import "server-only";
import Database from "better-sqlite3";
import { controlDb } from "@/db/client";
import { runtime } from "@/lib/runtime/runtime";
import { csvLine } from "./csv-cells";
import { catchUpInsights } from "./fold";
import { decayedScore, formatReasons, type ScoreInput, scoreReasons } from "./score";

const rowsPerPull = 500;
const counters = `a.tours_finished as toursFinished, a.steps, a.deals_created as dealsCreated, a.stages_moved as stagesMoved,
  a.activities_logged as activitiesLogged, a.imports, a.choices, a.ctas, a.handraises, a.longest_gap_ms as longestGapMs,
  a.raw_score as rawScore, a.first_at as firstAt, a.last_at as lastAt`;

type Scored = ScoreInput & { rawScore: number; firstAt: number; lastAt: number };
type VisitorRow = Scored & {
  id: string;
  account: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  source: string | null;
};
type AccountRow = Scored & { id: string; name: string; domain: string | null; people: number };

const iso = (ms: number) => new Date(ms).toISOString();

function sourceText(source: string | null): string {
  if (!source) return "";
  try {
    return Object.entries(JSON.parse(source) as Record<string, string>)
      .map(([key, value]) => `${key}=${value}`)
      .join("; ");
  } catch {
    return "";
  }
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
    sql: `select v.id, acc.name as account, v.browser, v.os, v.device, v.source, ${counters}
          from visitor_activity a join visitors v on v.id = a.visitor_id left join accounts acc on acc.id = v.account_id
          where v.bot = 0 and v.do_not_track = 0 and (a.human_events > 0 or a.interactions > 0) order by a.rank_key desc`,
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
    sql: `select acc.id, acc.name, acc.domain, a.people, ${counters}
          from account_activity a join accounts acc on acc.id = a.account_id where a.people > 0 order by a.rank_key desc`,
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

/** The CSV as a byte stream pulled a few hundred rows at a time; cancelling it closes its connection. */
export function csvExportStream(name: CsvExportName, now = Date.now()): ReadableStream<Uint8Array> {
  catchUpInsights({}, controlDb());
  const spec = csvExports[name];
  const encoder = new TextEncoder();
  let sqlite: Database.Database | undefined;
  let rows: IterableIterator<unknown> | undefined;
  const close = () => {
    rows?.return?.();
    sqlite?.close();
    sqlite = undefined;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      sqlite = new Database(runtime().paths.control, { readonly: true, fileMustExist: true });
      sqlite.pragma("busy_timeout = 5000");
      rows = sqlite.prepare(spec.sql).iterate();
      controller.enqueue(encoder.encode(csvLine(spec.header)));
    },
    pull(controller) {
      let text = "";
      for (let count = 0; count < rowsPerPull; count++) {
        const next = rows?.next();
        if (!next || next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          close();
          controller.close();
          return;
        }
        // biome-ignore lint/suspicious/noExplicitAny: each spec's cells take the row its own SQL selects
        text += csvLine((spec.cells as (row: any, now: number) => unknown[])(next.value, now) as string[]);
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      close();
    },
  });
}
