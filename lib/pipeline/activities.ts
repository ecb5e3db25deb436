// A visitor logs a call, email or meeting on a deal.
import "server-only";
import { and, eq } from "drizzle-orm";
import { activities, contacts, deals } from "@/db/sandbox/schema";
import type { SandboxDb } from "@/lib/sandbox/handles";
import type { LogActivityInput } from "./activity-input";
import { nowStamp } from "./moment";
import type { LoggableActivityKind } from "./vocabulary";

export type LoggedActivity = { activityId: number; dealId: number; deal: string; kind: LoggableActivityKind };

/** Writes the activity, stamped now; refuses a deal the sandbox lacks and a contact from another company. */
export function logActivity(db: SandboxDb, input: LogActivityInput, now = new Date()): LoggedActivity | { error: string } {
  const deal = db
    .select({ id: deals.id, title: deals.title, companyId: deals.companyId })
    .from(deals)
    .where(eq(deals.id, input.dealId))
    .get();
  if (!deal) return { error: "That deal no longer exists; go back to the board and open it again" };
  if (input.contactId !== undefined) {
    const contact = db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.id, input.contactId), eq(contacts.companyId, deal.companyId)))
      .get();
    if (!contact) return { error: "Choose someone from this deal’s company, or no one" };
  }
  const activity = db
    .insert(activities)
    .values({ dealId: deal.id, contactId: input.contactId ?? null, kind: input.kind, summary: input.summary, occurredAt: nowStamp(now) })
    .returning({ id: activities.id })
    .get();
  return { activityId: activity.id, dealId: deal.id, deal: deal.title, kind: input.kind };
}
