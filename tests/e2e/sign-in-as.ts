// Signed-in browser contexts for any test member (admin, marketer, …), signed in through the real sign-in API.
// Sign-in is rate-limited per client (3 per SIGN_IN_WINDOW_SECONDS, 1 s on the suite's servers) and a worker is
// one client, so a refused attempt waits out the window the server names, and a session is kept for the rest of
// the worker, whose server lives as long as it does (fixtures.ts).
import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { expect } from "./fixtures";

export type Member = { email: string; password: string };

/** Signs `request`'s context in; its cookies then belong to that member. */
export async function signIn(request: APIRequestContext, baseURL: string, member: Member): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await request.post("/api/auth/sign-in/email", {
      data: { email: member.email, password: member.password },
      headers: { origin: baseURL },
    });
    if (response.status() !== 429) {
      expect(response.status(), await response.text()).toBe(200);
      return;
    }
    // Only time ends a rate-limit window: wait as long as the server says (a second here).
    const wait = Number(response.headers()["retry-after"] ?? response.headers()["x-retry-after"] ?? "1");
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 15) * 1000 + 100));
  }
  throw new Error(`could not sign ${member.email} in: rate-limited every time`);
}

type SavedSession = Awaited<ReturnType<BrowserContext["storageState"]>>;
const sessions = new Map<string, SavedSession>();

/** A context signed in as `member`, reusing the session an earlier test of this worker signed in. */
export async function contextAs(browser: Browser, baseURL: string, member: Member): Promise<BrowserContext> {
  const saved = sessions.get(member.email);
  if (saved) return browser.newContext({ storageState: saved });
  const context = await browser.newContext();
  await signIn(context.request, baseURL, member);
  sessions.set(member.email, await context.storageState());
  return context;
}

/** A context of its own (for a test that signs out or removes the member): never saved or shared. */
export async function freshContextAs(browser: Browser, baseURL: string, member: Member): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(context.request, baseURL, member);
  return context;
}
