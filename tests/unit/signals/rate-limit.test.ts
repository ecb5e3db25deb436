import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { installRuntime } from "@/lib/runtime/runtime";
import { handleSignals } from "@/lib/signals/handle-signals";

const runtime = installRuntime({ signalsBatchesPerMinute: 3 });
beforeAll(() => migrateControlPlane());
afterAll(() => runtime.close());

async function* body(text: string) {
  yield new TextEncoder().encode(text);
}

const request = (clientAddress: string) => ({
  contentType: "application/json",
  contentLength: undefined,
  chunks: body(JSON.stringify({ events: [{ id: uuidv7(), type: "demo.viewed", at: Date.now() }] })),
  visitorCookie: undefined,
  noTracking: false,
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36",
  clientAddress,
});

describe("signals rate limit", () => {
  it("answers 429 with Retry-After once one client sends too many batches, and leaves others alone", async () => {
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push(await handleSignals(request("2001:db8:7:7::1")));
    expect(statuses.map((answer) => answer.status)).toEqual([202, 202, 202, 429]);
    expect(Number(statuses[3]?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // Same /64, another address: the same client.
    expect((await handleSignals(request("2001:db8:7:7::99"))).status).toBe(429);
    expect((await handleSignals(request("192.0.2.55"))).status).toBe(202);
  });
});

describe("a body that breaks off", () => {
  it("is answered 400, never an exception", async () => {
    async function* broken() {
      yield new TextEncoder().encode('{"events": [');
      throw new Error("aborted");
    }
    const answer = await handleSignals({ ...request("198.51.100.9"), chunks: broken() });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: "The request body could not be read" });
  });
});
