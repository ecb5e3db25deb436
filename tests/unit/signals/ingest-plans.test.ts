// Ingest's statements must stay index look-ups as the tables grow. PostgreSQL may keep one plan for a prepared
// statement after a few runs, made for the table as it was then: planned on a fresh, small events table, a look-up
// of known event ids (since replaced by the insert's `returning id`) stayed a sequential scan while the table grew
// (bench:signals fell to 5% of its ceiling in such runs). The control plane's connections therefore plan every run (db/dialects/postgres/store.ts). One connection
// here, so the prepared statements this test reads are the ones ingest used.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { storeEventBatches } from "@/db/queries/events";
import { installRuntime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s } from "../control-plane";
import { stepViewed } from "../held-transactions";

installRuntime({ databasePoolSize: 1 });
beforeAll(() => migrateControlPlane());

const person = { browser: "Firefox", os: "Linux", device: "desktop" as const, bot: false };

/** One batch of `size` "step viewed" events of the visitor. */
const batchOf = (visitor: string, size: number) => ({
  ...stepViewed(visitor),
  events: Array.from({ length: size }, () => stepViewed(visitor).events[0]).filter((event) => event !== undefined),
});

describe("ingest's reads as the tables grow", () => {
  it("are planned for the tables as they are at each run, never kept from when they were small", async () => {
    const visitor = newId();
    await touchVisitor(visitor, { client: person });
    // Runs of one event, then of a page's twenty: on PostgreSQL 15 a statement turns generic after its thirteenth
    // run unless the connection plans every run.
    for (const size of [1, 20]) for (let run = 0; run < 8; run++) await storeEventBatches([batchOf(visitor, size)]);
    if (s.dialect === "postgres") {
      const plans = await s.rows<{ statement: string; generic: number; custom: number }>(
        sql`select statement, generic_plans as generic, custom_plans as custom from pg_prepared_statements
            where statement like '%from visitor_sessions where visitor_id = any%' or statement like '%insert into events%'`,
      );
      expect(plans.length).toBe(2);
      for (const plan of plans) {
        expect(plan.generic, plan.statement).toBe(0);
        expect(plan.custom, plan.statement).toBe(16);
      }
    } else {
      // SQLite plans a statement when it is prepared, and again when the schema or its statistics change: its
      // session read walks the (visitor_id, last_event_at) index however few rows there were.
      const plan = await s.rows<{ detail: string }>(
        sql`explain query plan select id from visitor_sessions where visitor_id = ${visitor} order by last_event_at desc limit 1`,
      );
      expect(plan.map((step) => step.detail).join(" ")).toMatch(/USING (COVERING )?INDEX/);
    }
    expect((await s.rows<{ n: number }>(sql`select count(*) as n from events where visitor_id = ${visitor}`))[0]?.n).toBe(8 * 21);
  });
});
