// A hand-raise reaches the team's live stream and the webhook outbox from the stored signal, without the
// ingest path knowing: the watch reads what arrived since its last look, once.
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
  it("announces each hand-raise once to the team and queues its alert; other events only as activity", async () => {
    await watchSignalsOnce(); // sets the watermark at what is stored now
    const visitorId = newId();
    await touchVisitor(visitorId, { client: { browser: "Firefox", os: "Linux", device: "desktop", bot: false } });
    const heard: LiveMessage[] = [];
    const stop = subscribeLive(["team"], undefined, (message) => heard.push(message));
    await ingest(visitorId, "step.viewed");
    await ingest(visitorId, "handraise");
    expect(await watchSignalsOnce()).toBe(2);
    expect(await watchSignalsOnce()).toBe(0);
    stop();
    expect(heard.filter((message) => message.type === "handraise")).toEqual([
      expect.objectContaining({ id: expect.any(Number), payload: expect.objectContaining({ visitorId, demo: "pipeline-basics" }) }),
    ]);
    expect(heard.find((message) => message.type === "activity")?.payload.visitors).toEqual([visitorId]);
    const queued = await s.all(s.db.select().from(t.webhookOutbox));
    expect(queued).toHaveLength(1);
    expect(queued[0]?.payload.text).toBe("A prospect raised a hand in pipeline-basics");
  });
});
