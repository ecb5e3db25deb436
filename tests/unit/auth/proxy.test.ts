import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const visit = (path: string, cookie?: string) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }));

describe("the proxy's optimistic gate", () => {
  it("sends a visitor without a session cookie to sign in, remembering the page", async () => {
    const response = await visit("/sales/visitors/abc?tab=events");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/sales/sign-in?next=%2Fsales%2Fvisitors%2Fabc%3Ftab%3Devents");
    expect((await visit("/studio")).headers.get("location")).toContain("/sales/sign-in?next=%2Fstudio");
  });

  it("answers the team's APIs with a 401 JSON error instead of a redirect", async () => {
    const response = await visit("/api/studio/demos");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in as a team member" });
  });

  it("lets the sign-in page and anyone with a session cookie through", async () => {
    expect((await visit("/sales/sign-in")).headers.get("location")).toBeNull();
    expect((await visit("/sales", "better-auth.session_token=abc.def")).status).toBe(200);
    expect((await visit("/sales", "__Secure-better-auth.session_token=abc.def")).headers.get("location")).toBeNull();
  });

  it("lets everything outside the team's areas through untouched", async () => {
    expect((await visit("/s/AAAAAAAAAAAAAAAAAAAAAA")).headers.get("x-middleware-next")).toBe("1");
  });
});
