// Throws thousands of random and malformed requests at the real signals endpoint (the lean node:http
// handler that `npm start` serves) and checks every answer is a 2xx or a 4xx and the store stays sound.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateControlPlane } from "@/db/control-plane";
import { installRuntime } from "@/lib/runtime/runtime";
import { signalTypes } from "@/lib/signals/event-schema";
import { serveSignals } from "@/lib/signals/node-handler";
import { s } from "../control-plane";

const runtime = installRuntime({ signalsBatchesPerMinute: 1_000_000 });

let server: http.Server;
let url: string;

beforeAll(async () => {
  await migrateControlPlane();
  server = http.createServer((request, response) => void serveSignals(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/signals`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime.close();
});

const validEvent = () => ({ id: uuidv7(), type: "step.viewed", at: Date.now(), demo: "pipeline-basics", step: "board", stepIndex: 1 });

/** Nesting written as text: deeper than JSON.stringify itself could produce without overflowing. */
const deepProps = (depth: number) => `${`{"a":[`.repeat(depth)}1${"]}".repeat(depth)}`;

const bodies = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? "null"),
  fc.constant(JSON.stringify({ events: [validEvent()] })).map(() => JSON.stringify({ events: [validEvent(), validEvent()] })),
  fc
    .record({
      events: fc.array(
        fc.record(
          {
            id: fc.oneof(fc.uuid(), fc.string()),
            type: fc.oneof(fc.constantFrom(...signalTypes), fc.string()),
            at: fc.oneof(fc.integer(), fc.double(), fc.string()),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 120 },
      ),
    })
    .map((value) => JSON.stringify(value)),
  fc
    .integer({ min: 60_000, max: 90_000 })
    .map((size) => JSON.stringify({ events: [{ ...validEvent(), props: { note: "x".repeat(size) } }] })),
  fc
    .integer({ min: 50, max: 20_000 })
    .map((depth) => JSON.stringify({ events: [validEvent()] }).replace(/}]}$/, `,"props":${deepProps(depth)}}]}`)),
  fc.constant('{"events": [').map((prefix) => `${prefix}${"[".repeat(10_000)}`),
);
const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain;charset=UTF-8",
  "application/xml",
  "multipart/form-data",
  "",
);

describe("the signals endpoint under fuzzing", () => {
  it("answers 2,000+ random and malformed requests with 2xx or 4xx, never 5xx, and keeps the database sound", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bodies, contentTypes, async (body, contentType) => {
        const response = await fetch(url, { method: "POST", body, headers: contentType ? { "content-type": contentType } : {} });
        const json = (await response.json()) as Record<string, unknown>;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 400) expect(typeof json.error).toBe("string");
        return response.status >= 200 && response.status < 500;
      }),
      { numRuns: 2_200 },
    );
    // The fuzzing reached both the happy path and the refusals.
    expect(statuses.get(202)).toBeGreaterThan(0);
    for (const refusal of [400, 413, 415]) expect(statuses.get(refusal), `status ${refusal}`).toBeGreaterThan(0);

    const types = await s.rows<{ type: string }>(sql`select distinct type from events`);
    for (const { type } of types) expect(signalTypes).toContain(type);
    const [malformed] = await s.rows<{ n: number }>(
      sql`select count(*) as n from events where id not like '________-____-7___-____-____________'`,
    );
    expect(Number(malformed?.n)).toBe(0);
  }, 120_000);
});
