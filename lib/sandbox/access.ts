// The only way from a sandbox id in a URL to a sandbox handle: the id must belong to the caller's
// visitor cookie. Anything else — guessed, swapped, forged, path-like — is "not found", never "forbidden".
import { and, eq } from "drizzle-orm";
import { controlDb } from "@/db/client";
import { type Sandbox, sandboxes } from "@/db/control/schema";
import { openSandbox, type SandboxDb, SandboxUnreadableError } from "./handles";
import { isWellFormedId } from "./ids";
import { type GoneReason, retireSandbox } from "./retire";

export type OwnedSandbox = { sandbox: Sandbox; db: SandboxDb };

/** What the owner of an id finds: their live sandbox, or a note that it is gone and why. */
export type OwnedLookup = { state: "live"; owned: OwnedSandbox } | { state: "gone"; demoSlug: string; reason: GoneReason };

/**
 * Looks the id up for this visitor only, so a stranger learns nothing (undefined, same as a made-up id).
 * A live row whose file is missing or damaged is retired as corrupt here, and reported as gone.
 */
export function lookupOwnedSandbox(sandboxId: unknown, visitorId: string | undefined): OwnedLookup | undefined {
  if (!visitorId || !isWellFormedId(sandboxId)) return undefined;
  const sandbox = controlDb()
    .select()
    .from(sandboxes)
    .where(and(eq(sandboxes.id, sandboxId), eq(sandboxes.visitorId, visitorId)))
    .get();
  if (!sandbox) return undefined;
  if (sandbox.status === "gone") return { state: "gone", demoSlug: sandbox.demoSlug, reason: sandbox.goneReason ?? "expired" };
  try {
    return { state: "live", owned: { sandbox, db: openSandbox(sandbox.id) } };
  } catch (error) {
    if (!(error instanceof SandboxUnreadableError)) throw error;
    retireSandbox(sandbox.id, "corrupt");
    return { state: "gone", demoSlug: sandbox.demoSlug, reason: "corrupt" };
  }
}

/** The caller's live sandbox, or undefined. */
export function findOwnedSandbox(sandboxId: unknown, visitorId: string | undefined): OwnedSandbox | undefined {
  const found = lookupOwnedSandbox(sandboxId, visitorId);
  return found?.state === "live" ? found.owned : undefined;
}
