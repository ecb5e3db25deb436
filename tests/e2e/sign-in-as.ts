// Signed-in browser contexts for any test member (admin, marketer, …), signed in through the real sign-in API.
// Sign-in is rate-limited per client (3 per 10 s) and the suite is one client, so a refused attempt waits out
// the limit the server names, and a session is saved per data directory for the specs that come later.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, type Browser, type BrowserContext, expect } from "@playwright/test";

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
    const wait = Number(response.headers()["x-retry-after"] ?? "10");
    await new Promise((resolve) => setTimeout(resolve, (Math.min(wait, 15) + 0.5) * 1000));
  }
  throw new Error(`could not sign ${member.email} in: rate-limited every time`);
}

function sessionFile(member: Member): string {
  return path.join(os.tmpdir(), `${path.basename(process.env.E2E_DATA_DIR ?? "openhouse-e2e")}-${member.email}-session.json`);
}

/** A context signed in as `member`, reusing the session saved by an earlier spec of this run. */
export async function contextAs(browser: Browser, baseURL: string, member: Member): Promise<BrowserContext> {
  const file = sessionFile(member);
  if (fs.existsSync(file)) return browser.newContext({ storageState: file });
  const context = await browser.newContext();
  await signIn(context.request, baseURL, member);
  await context.storageState({ path: file });
  return context;
}

/** A context of its own (for a test that signs out or removes the member): never saved or shared. */
export async function freshContextAs(browser: Browser, baseURL: string, member: Member): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(context.request, baseURL, member);
  return context;
}
