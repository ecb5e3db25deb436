// The team route wrapper, driven with the requests a browser sends and sessions members really get: who is let
// in, how a body is read, and that every refusal — the wrapper's, a domain's, a bug's — has the one shape.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { revokeShareLink } from "@/lib/accounts/share-links";
import { auth } from "@/lib/auth/auth";
import { addTeamMember } from "@/lib/auth/team";
import { ApiError } from "@/lib/http/api-error";
import { jsonObject, teamRoute } from "@/lib/http/team-route";

const password = "correct horse battery";
const url = "http://localhost/api/sales/things/abc";
const cookies: Record<"admin" | "rep" | "marketer", string> = { admin: "", rep: "", marketer: "" };

beforeAll(async () => {
  await migrateControlPlane();
  for (const role of ["admin", "rep", "marketer"] as const) {
    const email = `${role}@example.com`;
    await addTeamMember({ email, password, role });
    const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
    cookies[role] = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }
});
afterAll(() => closeControlPlane());

type Send = { as?: keyof typeof cookies; method?: string; type?: string; body?: BodyInit; headers?: Record<string, string> };

function requestOf({ as, method = "POST", type = "application/json", body, headers = {} }: Send): Request {
  const sent: Record<string, string> = { ...headers, ...(as ? { cookie: cookies[as] } : {}) };
  if (body !== undefined) sent["content-type"] = type;
  return new Request(url, { method, headers: sent, body, duplex: "half" } as RequestInit);
}

/** A ReadableStream body: no Content-Length, so "too large" is found while reading. */
function streamOf(text: string, chunk = 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

const context = (params: Record<string, string> = { thing: "abc" }) => ({ params: Promise.resolve(params) });

async function answerOf(response: Response) {
  return { status: response.status, body: (await response.json()) as unknown, cacheControl: response.headers.get("cache-control") };
}

const noteSchema = z
  .object({ title: z.string().min(1, "Give the note a title"), pages: z.number().int("Pages are a whole number") })
  .strict();
const saveNote = teamRoute(
  { permission: "sales", params: ["thing"], body: noteSchema, maxBodyBytes: 256 },
  async ({ member, params, body }) => ({
    by: member.user.email,
    thing: params.thing,
    note: body,
  }),
);

describe("who a team route lets in", () => {
  it("answers a stranger 401 {error}, before it reads any body", async () => {
    const answer = await answerOf(await saveNote(requestOf({ body: "{broken" }), context()));
    expect(answer).toEqual({ status: 401, body: { error: expect.stringContaining("Sign in") }, cacheControl: "no-store" });
  });

  it("answers a forged session cookie 401", async () => {
    const forged = requestOf({ headers: { cookie: "better-auth.session_token=forged.value" }, body: "{}" });
    expect((await saveNote(forged, context())).status).toBe(401);
  });

  it("answers a member whose role may not use the area 403 {error}, saying who may", async () => {
    const answer = await answerOf(await saveNote(requestOf({ as: "marketer", body: '{"title":"x","pages":1}' }), context()));
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: expect.stringContaining("Your role (marketer) cannot use the sales workspace") });
    const teamOnly = teamRoute({ permission: "team" }, async () => ({ ok: true }));
    expect((await teamOnly(requestOf({ as: "rep", method: "GET" }))).status).toBe(403);
    expect((await teamOnly(requestOf({ as: "admin", method: "GET" }))).status).toBe(200);
  });

  it("hands the handler the member, the route's params and the parsed body, and answers its data as JSON", async () => {
    const answer = await answerOf(await saveNote(requestOf({ as: "rep", body: '{"title":"Q3 plan","pages":3}' }), context()));
    expect(answer).toEqual({
      status: 200,
      body: { by: "rep@example.com", thing: "abc", note: { title: "Q3 plan", pages: 3 } },
      cacheControl: "no-store",
    });
  });

  it("passes a Response the handler returns through as it is", async () => {
    const created = teamRoute({ permission: "sales" }, async () => new Response("made", { status: 201 }));
    const response = await created(requestOf({ as: "rep", method: "GET" }));
    expect([response.status, await response.text()]).toEqual([201, "made"]);
  });
});

describe("the body a team route reads", () => {
  it("answers broken JSON 400", async () => {
    expect(await answerOf(await saveNote(requestOf({ as: "rep", body: '{"title":' }), context()))).toMatchObject({
      status: 400,
      body: { error: "Body is not valid JSON" },
    });
  });

  it("answers a body the schema refuses 400, with each field's problem in `fields`", async () => {
    const answer = await answerOf(await saveNote(requestOf({ as: "rep", body: '{"title":"","pages":1.5}' }), context()));
    expect(answer).toEqual({
      status: 400,
      body: { error: "title: Give the note a title", fields: { title: "Give the note a title", pages: "Pages are a whole number" } },
      cacheControl: "no-store",
    });
  });

  it("answers an array where an object is asked for 400 without fields", async () => {
    const any = teamRoute({ permission: "sales", body: jsonObject }, async ({ body }) => body);
    expect(await answerOf(await any(requestOf({ as: "rep", body: "[1,2]" })))).toMatchObject({
      status: 400,
      body: { error: "Send a JSON object" },
    });
  });

  it("answers a body over the limit 413, by its Content-Length or while reading it", async () => {
    const big = JSON.stringify({ title: "x".repeat(1000), pages: 1 });
    expect(await answerOf(await saveNote(requestOf({ as: "rep", body: big }), context()))).toMatchObject({
      status: 413,
      body: { error: "Body larger than 256 bytes" },
    });
    const streamed = await saveNote(requestOf({ as: "rep", body: streamOf(big, 100) }), context());
    expect(streamed.status).toBe(413);
  });

  it("answers a body that is not JSON 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const answer = await answerOf(await saveNote(requestOf({ as: "rep", type, body: '{"title":"x","pages":1}' }), context()));
      expect(answer, type).toMatchObject({ status: 415, body: { error: "Send JSON (Content-Type: application/json)" } });
    }
  });
});

describe("one error shape", () => {
  it("answers an ApiError with its status, message and fields", async () => {
    const refusing = teamRoute({ permission: "sales" }, async () => {
      throw new ApiError(409, "That name is taken; choose another", { name: "Taken" });
    });
    expect(await answerOf(await refusing(requestOf({ as: "rep", method: "GET" })))).toEqual({
      status: 409,
      body: { error: "That name is taken; choose another", fields: { name: "Taken" } },
      cacheControl: "no-store",
    });
  });

  it("maps the team's and the accounts' own errors to their statuses, naming the field", async () => {
    const addMember = teamRoute({ permission: "team", body: jsonObject }, async ({ body }) => addTeamMember(body));
    const duplicate = await answerOf(
      await addMember(requestOf({ as: "admin", body: JSON.stringify({ email: "rep@example.com", password }) })),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({
      error: expect.stringContaining("already a team member"),
      fields: { email: expect.stringContaining("already a team member") },
    });

    const revoke = teamRoute({ permission: "sales", params: ["token"] }, async ({ member, params }) => {
      await revokeShareLink(params.token, member.user);
      return { revoked: true };
    });
    const unknown = await answerOf(await revoke(requestOf({ as: "rep", method: "DELETE" }), context({ token: "no-such-token" })));
    expect(unknown).toMatchObject({
      status: 404,
      body: { error: "No link of yours has that token", fields: { token: expect.any(String) } },
    });
  });

  it("answers a bug 500 {error}: logged on the server, no stack or message sent", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = teamRoute({ permission: "sales" }, async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret') at /srv/openhouse/lib/x.ts:12");
    });
    const response = await broken(requestOf({ as: "rep", method: "GET" }));
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: expect.any(String) });
    expect(text).not.toMatch(/secret|\.ts|TypeError|at /);
    expect(logged).toHaveBeenCalledWith("openhouse: an API route failed", expect.any(TypeError));
    logged.mockRestore();
  });
});
