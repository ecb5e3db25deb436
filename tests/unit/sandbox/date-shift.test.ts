// What a visitor sees on any day: the fixture's story moved to that day, whole days, times of day kept.
// Runs in a zone with DST on purpose; the shift works in UTC days, so local clocks must not matter.
process.env.TZ = "America/New_York";

import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ensureTemplate, fixtureShiftDays } from "@/lib/demos/compile-template";
import { loadDemo } from "@/lib/demos/load-demo";
import { daysBetween } from "@/lib/demos/shift-dates";

const demo = loadDemo("pipeline-basics");
const dayMs = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / dayMs);
}

function expectStoryMovedTo(today: Date): void {
  const file = ensureTemplate(demo, today);
  const db = new Database(file, { readonly: true });
  const deals = db.prepare("select title, close_date as closeDate, created_at as createdAt from deals order by id").all() as {
    title: string;
    closeDate: string;
    createdAt: string;
  }[];
  const activities = db.prepare("select occurred_at as at from activities order by id").all() as { at: string }[];
  db.close();
  const shift = fixtureShiftDays(demo.fixture, today);
  expect([0, 1]).toContain(daysBetween(demo.fixture.anchorDate, today) - shift); // today, or yesterday early in the day
  demo.fixture.deals.forEach((fixtureDeal, index) => {
    const deal = deals[index];
    expect(deal?.title).toBe(fixtureDeal.title);
    expect(dayNumber(deal?.closeDate ?? "") - dayNumber(fixtureDeal.closeDate)).toBe(shift);
    expect(dayNumber(deal?.createdAt ?? "") - dayNumber(fixtureDeal.createdAt)).toBe(shift);
    expect(deal?.createdAt.slice(10)).toBe(fixtureDeal.createdAt.slice(10)); // same time of day, same form
  });
  // What the fixture says already happened (on or before its anchor day) has happened for the visitor too.
  const anchorDayEnd = Date.parse(`${demo.fixture.anchorDate}T23:59:59Z`);
  demo.fixture.activities.forEach((activity, index) => {
    if (Date.parse(activity.at) <= anchorDayEnd) expect(Date.parse(activities[index]?.at ?? "")).toBeLessThanOrEqual(today.getTime());
    expect(activities[index]?.at.slice(10)).toBe(activity.at.slice(10));
    expect(dayNumber(activities[index]?.at ?? "") - dayNumber(activity.at)).toBe(shift);
  });
}

describe("templates shifted to the visitor's day", () => {
  it.each([
    ["US DST starts", "2026-03-08T07:30:00Z"],
    ["EU DST starts", "2026-03-29T01:30:00Z"],
    ["US DST ends", "2026-11-01T06:30:00Z"],
    ["a leap day", "2028-02-29T12:00:00Z"],
    ["the day after a leap day", "2028-03-01T00:00:00Z"],
    ["new year's eve, late", "2026-12-31T23:59:59Z"],
    ["new year's day, early", "2027-01-01T00:00:00Z"],
  ])("keeps every interval on %s", (_name, iso) => {
    expectStoryMovedTo(new Date(iso));
  });

  it("keeps every interval on any day of the next decade", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: dayMs - 1 }), (days, offset) => {
        expectStoryMovedTo(new Date(Date.UTC(2026, 0, 1) + days * dayMs + offset));
      }),
      { numRuns: 12 },
    );
  });
});
