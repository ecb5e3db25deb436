import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateControlPlane } from "@/db/control-plane";
import { createAuth } from "@/lib/auth/auth";
import { clientHeaders } from "@/lib/http/client-ip";
import { installRuntime } from "@/lib/runtime/runtime";

// Behind a proxy that names the client in X-Real-IP (CLIENT_IP_HEADER).
const runtime = installRuntime({ clientIpHeader: "x-real-ip" });
beforeAll(() => migrateControlPlane());
afterAll(() => runtime.close());

function signInFrom(headers: Record<string, string>, handler: (request: Request) => Promise<Response>): Promise<Response> {
  // The proxy's socket address is the same every time; only its header tells clients apart.
  const stamped = clientHeaders({ ...headers, "x-real-ip": headers["x-real-ip"] }, "10.0.0.1");
  return handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/json", ...headers, ...stamped },
      body: JSON.stringify({ email: "nobody@example.com", password: "not a real password" }),
    }),
  );
}

describe("the sign-in rate limit behind a proxy (CLIENT_IP_HEADER set)", () => {
  it("limits each client address the proxy reports, and ignores x-forwarded-for", async () => {
    const { handler } = createAuth({ enforceRateLimit: true });
    const fromFirst = async () =>
      (await signInFrom({ "x-real-ip": "203.0.113.7", "x-forwarded-for": `198.51.100.${Math.random()}` }, handler)).status;
    expect([await fromFirst(), await fromFirst(), await fromFirst(), await fromFirst()]).toEqual([401, 401, 401, 429]);
    expect((await signInFrom({ "x-real-ip": "203.0.113.8" }, handler)).status).toBe(401);
  });
});

describe("the client pseudonym the front door stamps", () => {
  it("overwrites one a client sent, with the server's own or, on the lean ingest path that never signs in, with nothing", () => {
    const sent = { "x-real-ip": "203.0.113.9", "x-openhouse-client-pseudonym": "fd00:1:2:3::1" };
    const full = clientHeaders(sent, "10.0.0.1");
    expect(full["x-openhouse-client-pseudonym"]).toMatch(/^fd[0-9a-f]{2}:[0-9a-f]{4}:[0-9a-f]{4}:[0-9a-f]{4}::1$/);
    expect(full["x-openhouse-client-pseudonym"]).not.toBe(sent["x-openhouse-client-pseudonym"]);
    expect(clientHeaders(sent, "10.0.0.1", { pseudonym: false })).toEqual({
      "x-openhouse-client-ip": "203.0.113.9",
      "x-openhouse-client-pseudonym": "",
    });
  });
});
