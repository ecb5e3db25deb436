// The sample product's reads and writes, against one visitor's sandbox handle.
import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { activities, companies, contacts, deals, settings } from "@/db/sandbox/schema";
import type { SandboxDb } from "@/lib/sandbox/handles";
import type { MoveStageInput, NewDealInput } from "./deal-input";
import { nowStamp } from "./moment";
import { type Stage, stages } from "./vocabulary";

export const openStages: readonly Stage[] = ["lead", "qualified", "proposal", "negotiation"];

export function workspaceName(db: SandboxDb): string {
  return db.select().from(settings).where(eq(settings.key, "workspace")).get()?.value ?? "Your company";
}

export function loadBoard(db: SandboxDb) {
  const rows = db
    .select({
      id: deals.id,
      title: deals.title,
      amount: deals.amount,
      stage: deals.stage,
      owner: deals.owner,
      closeDate: deals.closeDate,
      company: companies.name,
    })
    .from(deals)
    .innerJoin(companies, eq(companies.id, deals.companyId))
    .orderBy(asc(deals.closeDate), asc(deals.id))
    .all();
  const columns = stages.map((stage) => {
    const inStage = rows.filter((row) => row.stage === stage);
    return { stage, deals: inStage, total: inStage.reduce((sum, row) => sum + row.amount, 0) };
  });
  const openTotal = columns.filter((column) => openStages.includes(column.stage)).reduce((sum, column) => sum + column.total, 0);
  return { columns, openTotal, dealCount: rows.length };
}

/** One deal with its company's people and its history: what happened (newest first) and what is coming up (soonest first). */
export function loadDeal(db: SandboxDb, dealId: number, now = new Date()) {
  const deal = db
    .select({ deal: deals, company: companies })
    .from(deals)
    .innerJoin(companies, eq(companies.id, deals.companyId))
    .where(eq(deals.id, dealId))
    .get();
  if (!deal) return undefined;
  const people = db.select().from(contacts).where(eq(contacts.companyId, deal.company.id)).orderBy(asc(contacts.name)).all();
  const history = db
    .select({ activity: activities, contact: contacts.name })
    .from(activities)
    .leftJoin(contacts, eq(contacts.id, activities.contactId))
    .where(eq(activities.dealId, dealId))
    .orderBy(desc(activities.occurredAt), desc(activities.id))
    .all();
  const cutoff = nowStamp(now);
  const upcoming = history.filter(({ activity }) => activity.occurredAt > cutoff).reverse();
  return { ...deal, contacts: people, activities: history.filter(({ activity }) => activity.occurredAt <= cutoff), upcoming };
}

export function listCompanies(db: SandboxDb) {
  return db.select({ id: companies.id, name: companies.name }).from(companies).orderBy(asc(companies.name)).all();
}

export function createDeal(db: SandboxDb, input: NewDealInput, owner = "You"): number | { error: string } {
  const company = db.select({ id: companies.id }).from(companies).where(eq(companies.id, input.companyId)).get();
  if (!company) return { error: "Choose a company from the list" };
  const now = new Date();
  const inThirtyDays = new Date(now.getTime() + 30 * 86_400_000);
  return db.transaction((tx) => {
    const deal = tx
      .insert(deals)
      .values({
        companyId: company.id,
        title: input.title,
        amount: input.amount,
        stage: input.stage,
        owner,
        closeDate: inThirtyDays.toISOString().slice(0, 10),
        createdAt: nowStamp(now),
      })
      .returning({ id: deals.id })
      .get();
    tx.insert(activities)
      .values({ dealId: deal.id, kind: "note", summary: "Deal created", occurredAt: nowStamp(now) })
      .run();
    return deal.id;
  });
}

export function moveDeal(db: SandboxDb, input: MoveStageInput): { title: string; from: Stage; to: Stage } | { error: string } {
  const deal = db.select({ title: deals.title, stage: deals.stage }).from(deals).where(eq(deals.id, input.dealId)).get();
  if (!deal) return { error: "That deal no longer exists" };
  if (deal.stage === input.stage) return { error: "The deal is already in that stage" };
  const now = nowStamp();
  db.transaction((tx) => {
    tx.update(deals).set({ stage: input.stage }).where(eq(deals.id, input.dealId)).run();
    tx.insert(activities)
      .values({ dealId: input.dealId, kind: "stage", summary: `Moved from ${deal.stage} to ${input.stage}`, occurredAt: now })
      .run();
  });
  return { title: deal.title, from: deal.stage, to: input.stage };
}
