// Next.js glue: who is asking (from the signed cookie) and which sandbox they may touch.
import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { memberPreviewFromRequest } from "@/lib/studio/preview/preview-request";
import { verifyVisitorCookie, visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { lookupOwnedSandbox, type OwnedSandbox } from "./access";
import { renewalPath } from "./renewal";

export async function currentVisitorId(): Promise<string | undefined> {
  const jar = await cookies();
  return verifyVisitorCookie(jar.get(visitorCookieName)?.value);
}

/**
 * The caller's sandbox, or a 404 page: a sandbox that is not yours does not exist for you.
 * Your own sandbox that has gone (expired, evicted, damaged) sends you on to a fresh one with a note.
 * A studio preview is the signed-in member's own, by their team session; a visitor cookie never opens one.
 */
export async function requireOwnSandbox(sandboxId: unknown): Promise<OwnedSandbox> {
  const found = await lookupOwnedSandbox(sandboxId, await currentVisitorId());
  if (found?.state === "gone") redirect(renewalPath(found.demoSlug, found.reason));
  // The front door hands every /s/<id> request for another node's copy to that node (lib/cluster/forward.ts),
  // so only a copy that moved between its check and this one gets here: a bug to hear about, never a retirement.
  if (found?.state === "elsewhere") throw new Error(`sandbox ${found.sandbox.id} is on node ${found.node.name}, not this one`);
  if (found) return found.owned;
  const preview = await memberPreviewFromRequest(sandboxId);
  if (!preview) notFound();
  return { kind: "preview", sandbox: preview.preview, db: preview.db };
}
