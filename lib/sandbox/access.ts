// The only way from a sandbox id in a URL to a sandbox handle: the id must belong to the caller's
// visitor cookie. Anything else — guessed, swapped, forged, path-like — is "not found", never "forbidden".
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { controlDb } from "@/db/client";
import { type Sandbox, sandboxes } from "@/db/control/schema";
import { openSandbox, type SandboxDb, sandboxFile } from "./handles";
import { isWellFormedId } from "./ids";

export type OwnedSandbox = { sandbox: Sandbox; db: SandboxDb };

export function findOwnedSandbox(sandboxId: unknown, visitorId: string | undefined): OwnedSandbox | undefined {
  if (!visitorId || !isWellFormedId(sandboxId)) return undefined;
  const sandbox = controlDb()
    .select()
    .from(sandboxes)
    .where(and(eq(sandboxes.id, sandboxId), eq(sandboxes.visitorId, visitorId)))
    .get();
  if (!sandbox || !fs.existsSync(sandboxFile(sandbox.id))) return undefined;
  return { sandbox, db: openSandbox(sandbox.id) };
}
