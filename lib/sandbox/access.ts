// The only way from a sandbox id in a URL to a sandbox handle: the id must belong to the caller's
// visitor cookie. Anything else — guessed, swapped, forged, path-like — is "not found", never "forbidden".
import "server-only";
import { and, eq } from "drizzle-orm";
import { controlDb } from "@/db/client";
import { type PreviewSandbox, type Sandbox, sandboxes } from "@/db/control/schema";
import { openSandbox, type SandboxDb, SandboxUnreadableError } from "./handles";
import { isWellFormedId } from "./ids";
import { type GoneReason, retireSandbox } from "./retire";

/**
 * A sandbox the caller may use: a visitor's own, or a team member's studio preview (lib/studio/preview), which
 * has no visitor and records nothing. The product renders both alike; what it records depends on the kind.
 */
export type OwnedSandbox =
  | { kind: "visitor"; sandbox: Sandbox; db: SandboxDb }
  | { kind: "preview"; sandbox: PreviewSandbox; db: SandboxDb };

/** A visitor's sandbox as lookupOwnedSandbox finds it. */
export type VisitorSandbox = Extract<OwnedSandbox, { kind: "visitor" }>;

/** What the owner of an id finds: their live sandbox, or a note that it is gone and why. */
export type OwnedLookup = { state: "live"; owned: VisitorSandbox } | { state: "gone"; demoSlug: string; reason: GoneReason };

/** Using a sandbox keeps it alive (the idle TTL counts from here); at most one write per interval per sandbox. */
const activityWriteIntervalMs = 10 * 60_000;

function markActive(sandbox: Sandbox, now = new Date()): Sandbox {
  if (now.getTime() - sandbox.lastActiveAt.getTime() < activityWriteIntervalMs) return sandbox;
  controlDb().update(sandboxes).set({ lastActiveAt: now }).where(eq(sandboxes.id, sandbox.id)).run();
  return { ...sandbox, lastActiveAt: now };
}

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
    const owned: VisitorSandbox = { kind: "visitor", sandbox: markActive(sandbox), db: openSandbox(sandbox.id) };
    return { state: "live", owned };
  } catch (error) {
    if (!(error instanceof SandboxUnreadableError)) throw error;
    retireSandbox(sandbox.id, "corrupt");
    return { state: "gone", demoSlug: sandbox.demoSlug, reason: "corrupt" };
  }
}

/** The caller's live sandbox, or undefined. */
export function findOwnedSandbox(sandboxId: unknown, visitorId: string | undefined): VisitorSandbox | undefined {
  const found = lookupOwnedSandbox(sandboxId, visitorId);
  return found?.state === "live" ? found.owned : undefined;
}
