// The team stream's session check: a real better-auth session on a real control database, remembered for a few
// seconds by its cookie, shared while in flight, never remembered when refused.
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { auth } from "@/lib/auth/auth";
import { addTeamMember, setTeamRole } from "@/lib/auth/team";
import { sessionCookieKey, streamMember, streamMemberTtlMs } from "@/lib/live/stream-member";

beforeAll(() => migrateControlPlane());
afterAll(() => closeControlPlane());

const password = "correct horse battery";

async function cookieOf(email: string): Promise<string> {
  const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const requestWith = (cookie: string) => ({ headers: { cookie, host: "localhost" } }) as unknown as IncomingMessage;

describe("the team stream's member", () => {
  it("keys on better-auth's session cookies only, in any order and beside any other cookie", () => {
    expect(sessionCookieKey("oh_visitor=abc; better-auth.session_token=t.s")).toBe("better-auth.session_token=t.s");
    expect(sessionCookieKey("__Secure-better-auth.session_token=t.s; x=1")).toBe("__Secure-better-auth.session_token=t.s");
    expect(sessionCookieKey("oh_visitor=abc")).toBeUndefined();
    expect(sessionCookieKey(undefined)).toBeUndefined();
  });

  it("finds the member and their role, and refuses a forged or missing session", async () => {
    const added = await addTeamMember({ email: "streamer@example.com", password });
    const cookie = await cookieOf("streamer@example.com");
    expect(await streamMember(requestWith(cookie))).toEqual({ userId: added.id, role: added.role });
    expect(await streamMember(requestWith("better-auth.session_token=forged.signature"))).toBeNull();
    expect(await streamMember(requestWith("oh_visitor=abc"))).toBeNull();
  });

  it("shares one lookup among streams opened together, and asks again once the entry is older than its ttl", async () => {
    await addTeamMember({ email: "tabs@example.com", password });
    const cookie = await cookieOf("tabs@example.com");
    const now = Date.now();
    const burst = Array.from({ length: 20 }, () => streamMember(requestWith(cookie), now));
    expect(new Set(burst).size).toBe(1);
    expect((await burst[0])?.role).toBe("rep");
    // A role change shows on the next lookup after the ttl, not before.
    await setTeamRole("tabs@example.com", "marketer");
    expect((await streamMember(requestWith(cookie), now + 1))?.role).toBe("rep");
    expect((await streamMember(requestWith(cookie), now + streamMemberTtlMs + 1))?.role).toBe("marketer");
  });

  it("does not remember a refusal: a cookie that failed once is checked afresh", async () => {
    const forged = requestWith("better-auth.session_token=forged-again.signature");
    const first = streamMember(forged);
    expect(await first).toBeNull();
    expect(streamMember(forged)).not.toBe(first);
  });
});
