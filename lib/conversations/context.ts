// What a rep sees beside a conversation: where the prospect is (demo, current step, persona), where they came
// from (account or source), the language their tour is shown in, their device class, and what they built in the
// sandbox — all from usage signals, nothing typed. A visitor who asked not to be tracked shows only the demo they
// asked from: their thread is not linked to their events (conversations.linked), so none are read.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { accounts, events, sandboxes, visitors } from "@/db/control/schema";
import { localePattern } from "@/lib/demos/locale";
import { describeAction } from "@/lib/insights/describe-action";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import type { InboxEntry } from "./conversations";

export type ConversationContext = {
  demo: string | null;
  linked: boolean;
  currentStep?: string;
  persona?: string;
  /** The tour's locale, as the tour reported it with its signals. */
  locale?: string;
  account?: { id: string; name: string };
  source?: Record<string, string>;
  device?: string;
  built: string[];
};

const builtLimit = 8;

/** The newest sandbox actions of one visitor, newest first, as the sentences a rep reads. */
export function builtInSandbox(visitorId: string, limit = builtLimit, db: Pick<ControlDb, "select"> = controlDb()): string[] {
  return db
    .select({ action: events.action, props: events.props })
    .from(events)
    .where(and(eq(events.visitorId, visitorId), eq(events.type, "sandbox.action")))
    .orderBy(desc(events.occurredAt))
    .limit(limit)
    .all()
    .map((action) => describeAction(action.action, action.props ?? {}));
}

/** The locale the visitor's tour last reported (props.locale on its signals). */
export function tourLocale(visitorId: string, db: Pick<ControlDb, "select"> = controlDb()): string | undefined {
  const locale = db
    .select({ locale: sql<string | null>`json_extract(${events.props}, '$.locale')` })
    .from(events)
    .where(and(eq(events.visitorId, visitorId), sql`json_extract(${events.props}, '$.locale') is not null`))
    .orderBy(desc(events.occurredAt))
    .get()?.locale;
  return typeof locale === "string" && localePattern.test(locale) ? locale : undefined;
}

export function conversationContext(
  entry: Pick<InboxEntry, "visitorId" | "demoSlug" | "sandboxId" | "linked">,
  db: Pick<ControlDb, "select"> = controlDb(),
): ConversationContext {
  if (!entry.linked || !entry.visitorId) return { demo: entry.demoSlug, linked: false, built: [] };
  const visitorId = entry.visitorId;
  const visitor = db
    .select({ device: visitors.device, source: visitors.source, accountId: visitors.accountId, accountName: accounts.name })
    .from(visitors)
    .leftJoin(accounts, eq(accounts.id, visitors.accountId))
    .where(eq(visitors.id, visitorId))
    .get();
  const sandbox = entry.sandboxId
    ? db.select({ personalization: sandboxes.personalization }).from(sandboxes).where(eq(sandboxes.id, entry.sandboxId)).get()
    : undefined;
  const step = db
    .select({ stepId: events.stepId })
    .from(events)
    .where(and(eq(events.visitorId, visitorId), eq(events.type, "step.viewed")))
    .orderBy(desc(events.occurredAt))
    .get();
  const locale = tourLocale(visitorId, db);
  const persona = storedPersonalization(sandbox?.personalization)?.persona;
  return {
    demo: entry.demoSlug,
    linked: true,
    ...(step?.stepId ? { currentStep: step.stepId } : {}),
    ...(persona ? { persona } : {}),
    ...(locale ? { locale } : {}),
    ...(visitor?.accountId && visitor.accountName ? { account: { id: visitor.accountId, name: visitor.accountName } } : {}),
    ...(visitor?.source ? { source: visitor.source } : {}),
    ...(visitor?.device ? { device: visitor.device } : {}),
    built: builtInSandbox(visitorId, builtLimit, db),
  };
}
