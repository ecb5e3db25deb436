// Over HTTP, better-auth answers only what the team uses: sign in, sign out, read the session. A member
// cannot rename themselves, change their email or password, delete themselves or list their sessions; and no
// session keeps the address or user agent it was opened from.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { auth } from "@/lib/auth/auth";
import { authBasePath, servedAuthPaths } from "@/lib/auth/served-endpoints";
import { addTeamMember } from "@/lib/auth/team";
import { clientHeaders } from "@/lib/http/client-ip";
import { s, t } from "../control-plane";

const password = "correct horse battery";
const origin = "http://127.0.0.1:3000";
const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
let cookie = "";
let memberId = "";

/** A request as the front door hands it to better-auth: the browser's headers plus what our server stamps. */
function call(path: string, method: string, body?: unknown): Promise<Response> {
  const headers = { host: "127.0.0.1:3000", origin, "user-agent": browser, cookie };
  return auth().handler(
    new Request(`http://localhost:3000${authBasePath}${path}`, {
      method,
      headers: {
        ...headers,
        ...clientHeaders(headers, "198.51.100.9"),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

beforeAll(async () => {
  await migrateControlPlane();
  memberId = (await addTeamMember({ email: "riley@example.com", password, name: "Riley Rep" })).id;
  const signedIn = await call("/sign-in/email", "POST", { email: "riley@example.com", password });
  expect(signedIn.status).toBe(200);
  cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
});
afterAll(() => closeControlPlane());

const nameOf = async () => (await s.one(s.db.select({ name: t.user.name }).from(t.user).where(eq(t.user.id, memberId))))?.name;

describe("better-auth over HTTP", () => {
  it("answers the team's sign-in, session and sign-out", async () => {
    expect(servedAuthPaths).toEqual(["/sign-in/email", "/sign-out", "/get-session"]);
    const current = await call("/get-session", "GET");
    expect(current.status).toBe(200);
    expect(((await current.json()) as { user: { email: string } }).user.email).toBe("riley@example.com");
  });

  it("refuses a member renaming themselves, and their name stays", async () => {
    const response = await call("/update-user", "POST", { name: "Ada Admin" });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe("There is no API at this address");
    expect(await nameOf()).toBe("Riley Rep");
  });

  it("refuses every other endpoint better-auth has, whatever its method", async () => {
    const endpoints = Object.values(auth().api as Record<string, { path?: string; options?: { method?: string | string[] } }>);
    const refused = endpoints.filter((endpoint) => endpoint.path && !servedAuthPaths.includes(endpoint.path));
    expect(refused.map((endpoint) => endpoint.path)).toEqual(
      expect.arrayContaining(["/update-user", "/change-email", "/change-password", "/delete-user", "/list-sessions", "/revoke-sessions"]),
    );
    for (const endpoint of refused) {
      const path = (endpoint.path ?? "").replace(/:\w+/g, "x");
      for (const method of [endpoint.options?.method ?? "GET"].flat()) {
        const body = method === "GET" ? undefined : { name: "Ada Admin", newEmail: "ada@example.com", newPassword: "x".repeat(12) };
        expect((await call(path, method, body)).status, `${method} ${path}`).toBe(404);
      }
    }
    expect(await nameOf()).toBe("Riley Rep");
    expect((await call("/get-session", "GET")).status).toBe(200);
  });

  it("keeps neither the address nor the user agent a session was opened from", async () => {
    const rows = await s.all(s.db.select().from(t.session).where(eq(t.session.userId, memberId)));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect({ ipAddress: row.ipAddress, userAgent: row.userAgent }).toEqual({ ipAddress: null, userAgent: null });
  });

  it("ends the session on sign-out", async () => {
    expect((await call("/sign-out", "POST", {})).status).toBe(200);
    expect(await (await call("/get-session", "GET")).json()).toBeNull();
  });
});
