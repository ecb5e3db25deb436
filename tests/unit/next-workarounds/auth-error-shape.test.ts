import { describe, expect, it } from "vitest";
import { withErrorField } from "@/lib/next-workarounds/auth-error-shape";

describe("a library's failures in the APIs' error shape", () => {
  it("adds {error} from the library's message and keeps its own fields", async () => {
    const shaped = await withErrorField(Response.json({ message: "Invalid email", code: "INVALID_EMAIL" }, { status: 400 }));
    expect(shaped.status).toBe(400);
    expect(await shaped.json()).toEqual({ message: "Invalid email", code: "INVALID_EMAIL", error: "Invalid email" });
  });

  it("gives an empty failure a message for its status, and a 429 a standard Retry-After", async () => {
    const empty = await withErrorField(new Response(null, { status: 404 }));
    expect(await empty.json()).toEqual({ error: "There is no API at this address" });
    const limited = await withErrorField(new Response("{}", { status: 429, headers: { "x-retry-after": "7" } }));
    expect(limited.headers.get("retry-after")).toBe("7");
    expect((await limited.json()).error).toEqual(expect.any(String));
  });

  it("leaves successes and answers already in our shape alone", async () => {
    const ok = Response.json({ session: null });
    expect(await withErrorField(ok)).toBe(ok);
    const ours = Response.json({ error: "Sign in as a team member" }, { status: 401 });
    expect(await withErrorField(ours)).toBe(ours);
  });
});
