import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlDb } from "@/db/client";
import { listVisitors } from "@/lib/insights/visitors";
import { newId } from "@/lib/sandbox/ids";
import { touchVisitor } from "@/lib/sandbox/provision";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { ingestBatch } from "@/lib/signals/ingest";

beforeAll(() => migrateControlDb());

const person = { browser: "Firefox", os: "Windows", device: "desktop", bot: false };

function visitorWith(types: string[], options: { webdriver?: boolean; client?: typeof person } = {}): string {
  const id = newId();
  touchVisitor(id, undefined, undefined, options.client ?? person);
  const events = types.map((type) => ({ id: uuidv7(), type, at: Date.now(), demo: "pipeline-basics" }));
  if (events.length > 0)
    ingestBatch(signalBatchSchema.parse({ events, webdriver: options.webdriver }), { visitorId: id, linkIdentity: true });
  return id;
}

const shown = (includeBots = false) => new Set(listVisitors({ includeBots }).map((visitor) => visitor.id));

describe("who reps see", () => {
  it("shows people, and hides known bots and automated browsers that never interacted", () => {
    const reader = visitorWith(["demo.viewed", "tour.started", "step.viewed"]);
    const crawler = visitorWith(["demo.viewed", "tour.started", "step.viewed"], { webdriver: true });
    const robotThatClicks = visitorWith(["demo.viewed", "tour.started", "step.completed"], { webdriver: true });
    const knownBot = visitorWith(["demo.viewed"], { client: { browser: "Other", os: "Other", device: "bot", bot: true } });
    const arrivedOnly = visitorWith([]);

    const visible = shown();
    expect(visible.has(reader)).toBe(true);
    expect(visible.has(robotThatClicks)).toBe(true);
    expect(visible.has(arrivedOnly)).toBe(true);
    expect(visible.has(crawler)).toBe(false);
    expect(visible.has(knownBot)).toBe(false);

    const everyone = shown(true);
    for (const id of [reader, crawler, robotThatClicks, knownBot, arrivedOnly]) expect(everyone.has(id)).toBe(true);
  });
});
