// Next.js glue: who is asking (from the signed cookie) and which sandbox they may touch.
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { findOwnedSandbox, type OwnedSandbox } from "./access";
import { verifyVisitorCookie, visitorCookieName } from "./visitor-cookie";

export async function currentVisitorId(): Promise<string | undefined> {
  const jar = await cookies();
  return verifyVisitorCookie(jar.get(visitorCookieName)?.value);
}

/** The caller's sandbox, or a 404 page: a sandbox that is not yours does not exist for you. */
export async function requireOwnSandbox(sandboxId: string): Promise<OwnedSandbox> {
  const owned = findOwnedSandbox(sandboxId, await currentVisitorId());
  if (!owned) notFound();
  return owned;
}
