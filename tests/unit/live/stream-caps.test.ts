// One client cannot take the live updates meant for everyone: a person's tabs past the cap close their oldest
// stream with a reason (it stops reconnecting), an address's prospect streams past the cap are refused with a
// clear 429, and "is typing…" reaches the streams at most once per sender per short interval however often it is
// posted. Over real HTTP, through the front door `npm start` serves.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { auth } from "@/lib/auth/auth";
import { addTeamMember } from "@/lib/auth/team";
import { postVisitorMessage } from "@/lib/conversations/conversations";
import { typingCoalesceMs } from "@/lib/conversations/typing-timing";
import { visitorTyping } from "@/lib/conversations/visitor-api";
import { type LiveMessage, subscribeLive } from "@/lib/live/hub";
import { frontDoor } from "@/lib/runtime/front-door";
import { installRuntime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { signVisitorId, visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { touchVisitor } from "@/lib/visitors/visitor-record";

let base = "";
const server = http.createServer(
  frontDoor(
    (_request, response) => {
      response.writeHead(404).end();
    },
    { dev: false, publicFiles: new Set() },
  ),
);

beforeAll(async () => {
  installRuntime({ liveStreamsPerPerson: 2, liveStreamsPerAddress: 3, clientIpHeader: "x-test-client" });
  await migrateControlPlane();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

type Stream = { status: number; body: string; frames: string[]; ended: Promise<void>; close: () => void };

/** A GET on a live stream, read as it arrives. */
function open(path: string, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (response) => {
      let body = "";
      const frames: string[] = [];
      const ended = new Promise<void>((done) => response.on("close", () => done()));
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
        frames.push(...chunk.split("\n\n").filter((frame) => frame.startsWith("event:")));
      });
      // A stream's first bytes (retry:) or a refusal's whole body: either way the answer has begun.
      response.once("data", () => resolve({ status: response.statusCode ?? 0, body, frames, ended, close: () => request.destroy() }));
    });
    request.on("error", reject);
  });
}

const visitorCookie = (visitorId: string) => `${visitorCookieName}=${encodeURIComponent(signVisitorId(visitorId))}`;
const fromAddress = (address: string, cookie: string) => ({ "x-test-client": address, cookie });

describe("a prospect's live streams", () => {
  it("past the per-person cap, close the oldest with a last word, and keep the newer ones", async () => {
    const cookie = visitorCookie(newId());
    const first = await open("/api/live/visitor", fromAddress("198.51.100.1", cookie));
    const second = await open("/api/live/visitor", fromAddress("198.51.100.1", cookie));
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await open("/api/live/visitor", fromAddress("198.51.100.1", cookie));
    expect(third.status).toBe(200);
    await first.ended;
    expect(first.frames.at(-1)).toMatch(/^event: superseded\ndata: \{"reason":"A newer tab of yours has the live updates"\}$/);
    expect(second.frames).toEqual([]);
    second.close();
    third.close();
  });

  it("past the per-address cap, refuse a new visitor's stream with a clear 429, taking nobody's", async () => {
    const streams = await Promise.all([1, 2, 3].map(() => open("/api/live/visitor", fromAddress("203.0.113.9", visitorCookie(newId())))));
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200]);
    const refused = await open("/api/live/visitor", fromAddress("203.0.113.9", visitorCookie(newId())));
    await refused.ended;
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({
      error: "Too many live connections from your network; close some demo tabs and reload",
    });
    // Another network is not affected, and neither is any stream already open.
    const elsewhere = await open("/api/live/visitor", fromAddress("203.0.113.10", visitorCookie(newId())));
    expect(elsewhere.status).toBe(200);
    expect(streams.flatMap((stream) => stream.frames)).toEqual([]);
    for (const stream of [...streams, elsewhere]) stream.close();
  });
});

describe("a team member's live streams", () => {
  it("past the per-person cap, close that member's oldest, never another member's", async () => {
    const cookieOf = async (email: string) => {
      await addTeamMember({ email, password: "correct horse battery" });
      const response = await auth().api.signInEmail({ body: { email, password: "correct horse battery" }, asResponse: true });
      return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    };
    const many = await cookieOf("many-tabs@example.com");
    const other = await cookieOf("one-tab@example.com");
    const others = await open("/api/live/team", { cookie: other, host: "localhost" });
    const tabs: Stream[] = [];
    for (let tab = 0; tab < 5; tab++) tabs.push(await open("/api/live/team", { cookie: many, host: "localhost" }));
    expect(tabs.map((tab) => tab.status)).toEqual([200, 200, 200, 200, 200]);
    await Promise.all(tabs.slice(0, 3).map((tab) => tab.ended));
    expect(tabs.map((tab) => tab.frames.some((frame) => frame.startsWith("event: superseded")))).toEqual([true, true, true, false, false]);
    expect(others.frames).toEqual([]);
    for (const stream of [others, ...tabs]) stream.close();
  });
});

describe("typing", () => {
  it("reaches the team at most once per sender per interval, however often it is posted", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T12:00:00Z"), toFake: ["Date"] });
    try {
      const visitorId = newId();
      await touchVisitor(visitorId, { client: { browser: "Firefox", os: "Linux", device: "desktop", bot: false } });
      const started = await postVisitorMessage({ visitorId, body: "Hello?", clientAddress: "192.0.2.7", bot: false, noTracking: false });
      expect(started).toHaveProperty("thread");
      const heard: LiveMessage[] = [];
      const stop = subscribeLive(["team"], undefined, (message) => heard.push(message));
      const typing = () =>
        visitorTyping(
          new Request("http://localhost/api/conversation/typing", { method: "POST", headers: { cookie: visitorCookie(visitorId) } }),
        );
      const answers = await Promise.all(Array.from({ length: 200 }, typing));
      expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
      expect(heard.filter((message) => message.type === "typing")).toHaveLength(1);
      vi.setSystemTime(Date.now() + typingCoalesceMs - 1);
      await typing();
      expect(heard.filter((message) => message.type === "typing")).toHaveLength(1);
      vi.setSystemTime(Date.now() + 1);
      await typing();
      expect(heard.filter((message) => message.type === "typing")).toHaveLength(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
