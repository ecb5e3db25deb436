// Webhooks leave from a durable outbox: signed (replay-safe), retried with backoff when the receiver fails or
// stalls, delivered when it comes back, never following a redirect, never to a private address unless the
// setting allows it. The receiver here is a real local HTTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { installRuntime } from "@/lib/runtime/runtime";
import { backoffMs, deliverDue, deliveryBody } from "@/lib/webhooks/deliver";
import { enqueueAlert } from "@/lib/webhooks/enqueue";
import { isNonPublicAddress } from "@/lib/webhooks/public-address";
import { signDelivery, verifyDelivery } from "@/lib/webhooks/sign";
import { checkWebhookTarget } from "@/lib/webhooks/target-check";
import { createWebhook, recentDeliveries } from "@/lib/webhooks/webhooks";
import { s, t } from "../control-plane";

type Mode = "fail" | "stall" | "ok" | "redirect";
let mode: Mode = "ok";
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => {
    body += chunk;
  });
  request.on("end", () => {
    received.push({ headers: request.headers, body });
    if (mode === "stall") return; // never answers
    if (mode === "redirect") {
      response.writeHead(307, { location: "http://169.254.169.254/latest/meta-data" }).end();
      return;
    }
    response.writeHead(mode === "ok" ? 204 : 500).end();
  });
});
let receiverUrl = "";

beforeAll(async () => {
  installRuntime({ webhooksAllowPrivate: true });
  await migrateControlPlane();
  await addAdmin();
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => {
  receiver.closeAllConnections();
  receiver.close();
});

async function addAdmin(): Promise<void> {
  const now = new Date();
  await s.run(
    s.db
      .insert(t.user)
      .values({ id: "admin-1", name: "Ada Admin", email: "ada@team.example", role: "admin", createdAt: now, updatedAt: now })
      .onConflictDoNothing(),
  );
}

const row = async (id: number) => (await s.all(s.db.select().from(t.webhookOutbox))).find((candidate) => candidate.id === id);

describe("webhook delivery", () => {
  it("retries a failing and a stalling receiver with backoff, then delivers a signed alert once it is back", async () => {
    const saved = await createWebhook({ url: receiverUrl, format: "json", events: ["handraise"] }, "admin-1");
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
    await s.transaction((tx) => enqueueAlert(tx, { kind: "handraise", text: "A prospect raised a hand", data: { visitor: "v1" } }));
    const id = (await s.all(s.db.select().from(t.webhookOutbox))).at(-1)?.id ?? 0;

    mode = "fail";
    expect(await deliverDue()).toBe(1);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "answered 500" });
    const firstRetry = (await row(id))?.nextAttemptAt.getTime() ?? 0;
    expect(firstRetry).toBeGreaterThan(Date.now());
    // Not due yet: nothing is sent.
    expect(await deliverDue()).toBe(0);

    mode = "stall";
    const started = Date.now();
    expect(await deliverDue(new Date(firstRetry + 1))).toBe(1);
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 2, lastError: "no answer within 5 s" });

    mode = "ok";
    received.length = 0;
    expect(await deliverDue(new Date(((await row(id))?.nextAttemptAt.getTime() ?? 0) + 1))).toBe(1);
    expect(await row(id)).toMatchObject({ status: "delivered", attempts: 3, lastStatus: 204 });
    const [delivery] = received;
    expect(delivery?.headers["openhouse-event"]).toBe("handraise");
    expect(JSON.parse(delivery?.body ?? "{}")).toMatchObject({
      kind: "handraise",
      text: "A prospect raised a hand",
      data: { visitor: "v1" },
    });
    expect(verifyDelivery(saved.secret, String(delivery?.headers["openhouse-signature"]), delivery?.body ?? "")).toBe(true);
    expect((await recentDeliveries()).find((entry) => entry.id === id)).toMatchObject({ status: "delivered", attempts: 3 });
  }, 20_000);

  it("does not follow a redirect", async () => {
    const saved = await createWebhook({ url: receiverUrl, format: "slack", events: ["conversation.started"] }, "admin-1");
    if (!saved.ok) throw new Error("not saved");
    await s.transaction((tx) => enqueueAlert(tx, { kind: "conversation.started", text: "Hi", data: {} }));
    const id = (await s.all(s.db.select().from(t.webhookOutbox))).at(-1)?.id ?? 0;
    mode = "redirect";
    received.length = 0;
    await deliverDue();
    expect(received).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "pending", lastStatus: 307 });
    expect((await row(id))?.lastError).toMatch(/redirects are not followed/);
  });

  it("formats Slack-compatible and generic JSON bodies", () => {
    const payload = { text: "A prospect raised a hand", data: { a: 1 }, at: "2026-12-01T00:00:00.000Z" };
    expect(JSON.parse(deliveryBody({ id: 7, kind: "handraise", payload }, "slack"))).toEqual({ text: "A prospect raised a hand" });
    expect(JSON.parse(deliveryBody({ id: 7, kind: "handraise", payload }, "json"))).toEqual({ id: 7, kind: "handraise", ...payload });
  });

  it("backs off exponentially, capped at an hour", () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, none))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(30, none)).toBe(60 * 60_000);
  });
});

describe("webhook signatures", () => {
  it("verify only the exact body, with the right secret, within five minutes", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const header = signDelivery("secret", '{"a":1}', now);
    expect(verifyDelivery("secret", header, '{"a":1}', now)).toBe(true);
    expect(verifyDelivery("secret", header, '{"a":2}', now)).toBe(false);
    expect(verifyDelivery("other", header, '{"a":1}', now)).toBe(false);
    expect(verifyDelivery("secret", header, '{"a":1}', new Date(now.getTime() + 6 * 60_000))).toBe(false);
    expect(verifyDelivery("secret", "t=1,v1=zz", '{"a":1}', now)).toBe(false);
    expect(verifyDelivery("secret", undefined, '{"a":1}', now)).toBe(false);
  });
});

describe("webhook targets", () => {
  const publicOnly = { allowPrivate: false };
  it("refuse loopback, private, link-local, metadata and mapped addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00:ec2::254",
      "::ffff:127.0.0.1",
    ]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34"])
      expect(isNonPublicAddress(address), address).toBe(false);
  });

  it("judge the address a name resolves to, and refuse when any is private", async () => {
    const resolve = async () => [{ address: "10.0.0.5", family: 4 }];
    expect(await checkWebhookTarget("https://hooks.example.com/x", { ...publicOnly, resolve })).toEqual({
      ok: false,
      error: "hooks.example.com points inside a private network; webhooks only go to public addresses",
    });
    const good = await checkWebhookTarget("https://hooks.example.com/x", {
      ...publicOnly,
      resolve: async () => [{ address: "93.184.216.34", family: 4 }],
    });
    expect(good).toMatchObject({ ok: true, address: "93.184.216.34" });
    expect(await checkWebhookTarget("http://[::1]:9/x", publicOnly)).toMatchObject({ ok: false });
    expect(await checkWebhookTarget("ftp://example.com", publicOnly)).toMatchObject({
      ok: false,
      error: expect.stringContaining("https://"),
    });
    expect(await checkWebhookTarget("https://user:pw@example.com", publicOnly)).toMatchObject({ ok: false });
    expect(await checkWebhookTarget("not a url", publicOnly)).toMatchObject({ ok: false });
  });

  it("are checked when a webhook is saved", async () => {
    installRuntime({ webhooksAllowPrivate: false });
    await migrateControlPlane();
    await addAdmin();
    const saved = await createWebhook({ url: "http://127.0.0.1:9/x", format: "json", events: ["handraise"] }, "admin-1");
    expect(saved).toEqual({
      ok: false,
      fieldErrors: { url: "127.0.0.1 points inside a private network; webhooks only go to public addresses" },
    });
    expect(await createWebhook({ url: "", format: "xml", events: [] }, "admin-1")).toMatchObject({
      ok: false,
      fieldErrors: { url: expect.any(String), format: "Pick Slack or generic JSON", events: "Pick at least one alert" },
    });
    installRuntime({ webhooksAllowPrivate: true });
  });
});
