// "Score threshold crossed": a prospect's own actions push their score over the threshold, and a local
// receiver gets one signed `score.crossed` alert saying who, the score, its reasons and the journey's link.

import { hotListAnswerSchema } from "@/lib/contracts/hot-list";
import { alertThreshold } from "@/lib/insights/score-weights";
import { verifyDelivery } from "@/lib/webhooks/sign";
import { expect, test } from "./fixtures";
import { createDeal, startDemo, visitorIdOf } from "./helpers";
import { contextAs } from "./sign-in-as";
import { admin } from "./team";
import { startReceiver } from "./webhook-receiver";

test("a prospect whose actions push the score over the threshold sends one signed score.crossed alert", async ({ browser, baseURL }) => {
  const { url, received, close } = await startReceiver("/hooks/score");
  const adminContext = await contextAs(browser, baseURL ?? "", admin);
  const prospect = await browser.newContext();
  try {
    const added = await adminContext.request.post("/api/sales/webhooks", { data: { url, format: "json", events: ["score.crossed"] } });
    expect(added.status(), await added.text()).toBe(201);
    const { id, secret } = (await added.json()) as { id: string; secret: string };

    const tab = await prospect.newPage();
    const product = await startDemo(tab);
    const visitorId = await visitorIdOf(prospect);
    const alertsFor = () =>
      received.filter((delivery) => delivery.headers["openhouse-event"] === "score.crossed" && delivery.body.includes(visitorId));
    // Two deals (+16): well under the threshold, so nothing is sent.
    for (const title of ["Score deal one", "Score deal two"]) {
      await tab.goto(product);
      await createDeal(tab, { title, company: "Initech", amount: "5000" });
      await tab.waitForURL(/\/deals\/\d+$/);
    }
    // A hand-raise (+50) takes them to 66, over the threshold of 60.
    expect(alertThreshold).toBe(60);
    await tab.getByRole("button", { name: "Talk to a human" }).click();
    await expect.poll(() => alertsFor().length, { timeout: 10_000 }).toBe(1);

    const [delivery] = alertsFor();
    const body = JSON.parse(delivery?.body ?? "{}") as { kind: string; text: string; data: Record<string, unknown> };
    expect(body.kind).toBe("score.crossed");
    expect(body.data).toMatchObject({ who: "visitor", id: visitorId, score: 66, journey: `/sales/visitors/${visitorId}` });
    expect(body.data.reasons).toEqual([
      { text: "created 2 deals", points: 16 },
      { text: "raised a hand", points: 50 },
    ]);
    expect(body.text).toContain("created 2 deals +16 · raised a hand +50");
    expect(verifyDelivery(secret, String(delivery?.headers["openhouse-signature"]), delivery?.body ?? "")).toBe(true);

    // Staying above the threshold enqueues nothing more. The fold writes an alert in the same transaction as
    // the score, so once the hot list shows the third deal's score, a second alert would be in the outbox.
    await tab.goto(product);
    await createDeal(tab, { title: "Score deal three", company: "Initech", amount: "5000" });
    await tab.waitForURL(/\/deals\/\d+$/);
    await expect
      .poll(async () => {
        const list = hotListAnswerSchema.parse(await (await adminContext.request.get("/api/sales/hot-list?who=anonymous")).json());
        return list.entries.find((entry) => entry.id === visitorId)?.score;
      })
      .toBe(70); // created 3 deals: capped at 20
    const outbox = (await (await adminContext.request.get("/api/sales/webhooks")).json()) as {
      deliveries: { webhookId: string; kind: string }[];
    };
    expect(outbox.deliveries.filter((row) => row.webhookId === id && row.kind === "score.crossed")).toHaveLength(1);
    expect(alertsFor()).toHaveLength(1);
  } finally {
    await prospect.close();
    await adminContext.close();
    close();
  }
});
