import fs from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ensureTemplate, fixtureShiftDays } from "@/lib/demos/compile-template";
import { loadDemo } from "@/lib/demos/load-demo";
import { daysBetween, shiftIso } from "@/lib/demos/shift-dates";

describe("fixture → template", () => {
  const demo = loadDemo("pipeline-basics");

  it("compiles every fixture row into a self-contained SQLite file", () => {
    const file = ensureTemplate(demo, new Date("2026-03-10T12:00:00Z"));
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    expect(count("companies")).toBe(demo.fixture.companies.length);
    expect(count("contacts")).toBe(demo.fixture.contacts.length);
    expect(count("deals")).toBe(demo.fixture.deals.length);
    expect(count("activities")).toBe(demo.fixture.activities.length);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });

  it("shifts dates so the story is as fresh on the day a visitor comes as on the anchor day", () => {
    const today = new Date("2026-03-10T12:00:00Z");
    const file = ensureTemplate(demo, today);
    const db = new Database(file, { readonly: true });
    const renewal = db.prepare("select close_date as closeDate from deals where title = ?").get("Northwind annual renewal") as {
      closeDate: string;
    };
    db.close();
    // One week after the anchor day in the fixture, one week after "today" in the sandbox.
    expect(renewal.closeDate).toBe("2026-03-17");
  });

  it("sets the story on yesterday while something the fixture says happened today still lies ahead", () => {
    // pipeline-basics logs an email at 09:10 and a call at 10:30 on its anchor day.
    expect(fixtureShiftDays(demo.fixture, new Date("2026-03-10T08:00:00Z"))).toBe(53);
    expect(fixtureShiftDays(demo.fixture, new Date("2026-03-10T10:29:59Z"))).toBe(53);
    expect(fixtureShiftDays(demo.fixture, new Date("2026-03-10T10:30:00Z"))).toBe(54);
    const early = new Database(ensureTemplate(demo, new Date("2026-03-10T08:00:00Z")), { readonly: true });
    const latest = early.prepare("select max(occurred_at) as at from activities where occurred_at <= '2026-03-10T23:59:59Z'").get() as {
      at: string;
    };
    const renewal = early.prepare("select close_date as closeDate from deals where title = ?").get("Northwind annual renewal") as {
      closeDate: string;
    };
    early.close();
    expect(latest.at < "2026-03-10T08:00:00Z").toBe(true);
    expect(renewal.closeDate).toBe("2026-03-16"); // the whole story moved, so its intervals hold
  });

  it("reuses a compiled template and replaces yesterday's", () => {
    const monday = ensureTemplate(demo, new Date("2026-03-09T11:00:00Z"));
    const again = ensureTemplate(demo, new Date("2026-03-09T23:00:00Z"));
    expect(again).toBe(monday);
    const tuesday = ensureTemplate(demo, new Date("2026-03-10T11:00:00Z"));
    expect(tuesday).not.toBe(monday);
    expect(fs.existsSync(monday)).toBe(false);
  });

  it("shifts across month ends and DST changes by whole days", () => {
    expect(shiftIso("2026-03-28", 2)).toBe("2026-03-30");
    expect(shiftIso("2026-01-31T23:30:00Z", 1)).toBe("2026-02-01T23:30:00Z");
    expect(shiftIso("2026-10-24T09:00:00Z", 7)).toBe("2026-10-31T09:00:00Z");
    expect(daysBetween("2026-01-15", new Date("2026-01-15T23:59:59Z"))).toBe(0);
    expect(daysBetween("2026-01-15", new Date("2025-01-15T00:00:00Z"))).toBe(-365);
  });
});
