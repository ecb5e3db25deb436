// The signals endpoint over real HTTP: bad input gets a 4xx JSON error, retries are stored once.

import { v7 as uuidv7 } from "uuid";
import { expect, test } from "./fixtures";

const event = () => ({ id: uuidv7(), type: "demo.viewed", at: Date.now(), demo: "pipeline-basics" });

test("the signals API answers bad input with a clear 4xx, never a 500", async ({ request }) => {
  const cases = [
    { data: "{not json", headers: { "content-type": "application/json" }, status: 400 },
    { data: JSON.stringify({ events: [] }), headers: { "content-type": "application/json" }, status: 400 },
    { data: JSON.stringify({ events: [{ ...event(), type: "nope" }] }), headers: { "content-type": "application/json" }, status: 400 },
    { data: JSON.stringify({ events: [event()] }), headers: { "content-type": "application/xml" }, status: 415 },
    { data: JSON.stringify({ events: [event()], pad: "x".repeat(70_000) }), headers: { "content-type": "application/json" }, status: 413 },
  ];
  for (const { data, headers, status } of cases) {
    const response = await request.post("/api/signals", { data, headers });
    expect(response.status(), data.slice(0, 60)).toBe(status);
    expect(typeof (await response.json()).error).toBe("string");
  }
});

test("a retried batch is acknowledged both times", async ({ request }) => {
  const batch = { events: [event(), event()] };
  const first = await request.post("/api/signals", { data: batch });
  const second = await request.post("/api/signals", { data: batch });
  expect(first.status()).toBe(202);
  expect(await first.json()).toEqual({ stored: 2 });
  expect(second.status()).toBe(202);
  expect(await second.json()).toEqual({ stored: 0 });
});
