import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const visit = (path: string, cookie?: string) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }));

describe("the proxy's optimistic gate", () => {
  it("sends a visitor without a session cookie to sign in, remembering the page", () => {
    const response = visit("/sales/visitors/abc?tab=events");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/sales/sign-in?next=%2Fsales%2Fvisitors%2Fabc%3Ftab%3Devents");
    expect(visit("/studio").headers.get("location")).toContain("/sales/sign-in?next=%2Fstudio");
  });

  it("answers the team's APIs with a 401 JSON error instead of a redirect", async () => {
    const response = visit("/api/studio/demos");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in as a team member" });
  });

  it("lets the sign-in page and anyone with a session cookie through", () => {
    expect(visit("/sales/sign-in").headers.get("location")).toBeNull();
    expect(visit("/sales", "better-auth.session_token=abc.def").status).toBe(200);
    expect(visit("/sales", "__Secure-better-auth.session_token=abc.def").headers.get("location")).toBeNull();
  });
});
