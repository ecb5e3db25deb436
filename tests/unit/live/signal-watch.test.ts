// The watch tells the team's streams which visitors were active, from the stored signals, without the ingest
// path knowing: it reads what arrived since its last look, once. Hand-raises are ingest's own business
// (tests/unit/signals/hand-raise.test.ts): the watch announces and alerts none of them.
import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { type LiveMessage, subscribeLive } from "@/lib/live/hub";
import { watchSignalsOnce } from "@/lib/live/signal-watch";
import { newId } from "@/lib/sandbox/ids";
import { ingestBatch } from "@/lib/signals/ingest";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

beforeAll(async () => {
  await migrateControlPlane();
  await s.run(
    s.db.insert(t.webhooks).values({ id: newId(), url: "https://hooks.example/h", format: "slack", events: ["handraise"], secret: "s" }),
  );
});

async function ingest(visitorId: string, type: "handraise" | "step.viewed") {
  await ingestBatch(
    {
      events: [
        {
          id: uuidv7(),
          type,
          at: Date.now(),
          demo: "pipeline-basics",
          ...(type === "step.viewed" ? { step: "welcome", stepIndex: 0 } : {}),
        },
      ],
    },
    { visitorId, linkIdentity: true, now: new Date() },
  );
}

describe("watching signals", () => {
  it("tells the team once which visitors were active, and adds nothing to a hand-raise", async () => {
    await watchSignalsOnce(); // sets the watermark at what is stored now
    const visitorId = newId();
    await touchVisitor(visitorId, { client: { browser: "Firefox", os: "Linux", device: "desktop", bot: false } });
    await ingest(visitorId, "step.viewed");
    await ingest(visitorId, "handraise");
    const heard: LiveMessage[] = [];
    const stop = subscribeLive(["team"], undefined, (message) => heard.push(message));
    const queued = (await s.all(s.db.select().from(t.webhookOutbox))).length;
    expect(await watchSignalsOnce()).toBe(2);
    expect(await watchSignalsOnce()).toBe(0);
    stop();
    expect(heard.map((message) => message.type)).toEqual(["activity"]);
    expect(heard[0]?.payload.visitors).toEqual([visitorId]);
    expect(await s.all(s.db.select().from(t.webhookOutbox))).toHaveLength(queued);
  });
});
