import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { auth } from "@/lib/auth/auth";
import { addTeamMember } from "@/lib/auth/team";

const password = "correct horse battery";

beforeAll(async () => {
  await migrateControlPlane();
  await addTeamMember({ email: "ada@example.com", password });
});
afterAll(() => closeControlPlane());

/** A browser's sign-in POST as Next hands it over: request.url says localhost whatever host the browser used. */
function browserSignIn(browserOrigin: string, body = { email: "ada@example.com", password }): Promise<Response> {
  return auth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: {
        host: new URL(browserOrigin).host,
        origin: browserOrigin,
        "content-type": "application/json",
        "sec-fetch-site": "same-origin",
        "sec-fetch-mode": "cors",
        "sec-fetch-dest": "empty",
      },
      body: JSON.stringify(body),
    }),
  );
}

describe("signing in from a browser", () => {
  it.each(["http://localhost:3000", "http://127.0.0.1:3000", "http://demo-box.lan:3000"])(
    "works from %s, the address the browser actually used",
    async (origin) => {
      const response = await browserSignIn(origin);
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toMatch(/better-auth\.session_token=.+HttpOnly/i);
    },
  );

  it("refuses a page on another site posting to us (CSRF)", async () => {
    const response = await auth().handler(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          host: "127.0.0.1:3000",
          origin: "https://evil.example",
          "content-type": "application/json",
          "sec-fetch-site": "cross-site",
          "sec-fetch-mode": "cors",
        },
        body: JSON.stringify({ email: "ada@example.com", password }),
      }),
    );
    expect(response.status).toBe(403);
  });

  it("answers a wrong password with 401, which the form shows as 'Wrong email or password'", async () => {
    const response = await browserSignIn("http://127.0.0.1:3000", { email: "ada@example.com", password: "not the password" });
    expect(response.status).toBe(401);
  });
});
