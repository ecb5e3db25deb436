import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { createAuth } from "@/lib/auth/auth";
import { clientHeaders } from "@/lib/http/client-ip";
import { installRuntime } from "@/lib/runtime/runtime";

beforeAll(() => migrateControlPlane());
afterAll(() => closeControlPlane());

/** A request as `npm start` hands it to Next: the client's own headers plus the address we stamped. */
function signInFrom(
  socketAddress: string,
  spoofedForwardedFor: string,
  handler: (request: Request) => Promise<Response>,
): Promise<Response> {
  const headers = { host: "localhost:3000", "content-type": "application/json", "x-forwarded-for": spoofedForwardedFor };
  return handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { ...headers, ...clientHeaders(headers, socketAddress) },
      body: JSON.stringify({ email: "nobody@example.com", password: "not a real password" }),
    }),
  );
}

describe("the sign-in rate limit", () => {
  it("cannot be dodged by sending a different x-forwarded-for each time", async () => {
    const { handler } = createAuth({ enforceRateLimit: true });
    const statuses: number[] = [];
    for (const ip of ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"])
      statuses.push((await signInFrom("::ffff:192.0.2.10", ip, handler)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("keeps one client's failures from locking out another", async () => {
    const { handler } = createAuth({ enforceRateLimit: true });
    for (let attempt = 0; attempt < 4; attempt++) await signInFrom("192.0.2.20", "x", handler);
    expect((await signInFrom("192.0.2.21", "x", handler)).status).toBe(401);
  });
});

describe("the sign-in rate limit's settings", () => {
  afterEach(() => {
    vi.useRealTimers();
    installRuntime();
  });

  it("allows SIGN_IN_ATTEMPTS per SIGN_IN_WINDOW_SECONDS, names the wait, and lets the client in again after it", async () => {
    installRuntime({ signInAttempts: 2, signInWindowSeconds: 2 });
    vi.useFakeTimers({ toFake: ["Date"] });
    const { handler } = createAuth({ enforceRateLimit: true });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 2; attempt++) statuses.push((await signInFrom("192.0.2.30", "x", handler)).status);
    const refused = await signInFrom("192.0.2.30", "x", handler);
    expect([...statuses, refused.status]).toEqual([401, 401, 429]);
    expect(refused.headers.get("x-retry-after")).toBe("2");
    vi.setSystemTime(Date.now() + 2000);
    expect((await signInFrom("192.0.2.30", "x", handler)).status).toBe(401);
  });
});
