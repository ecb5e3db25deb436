// The sample product's companies: the searchable list and one company with its people and deals.
import "server-only";
import { asc, count, eq, inArray, sum } from "drizzle-orm";
import { companies, contacts, deals } from "@/db/sandbox/schema";
import type { SandboxDb } from "@/lib/sandbox/handles";
import { openStages } from "./pipeline";
import { anyContains } from "./search";

/** Companies whose name, industry or website contains `query` (all of them for ""), by name, with their counts. */
export function searchCompanies(db: SandboxDb, query: string) {
  const found = db
    .select()
    .from(companies)
    .where(anyContains([companies.name, companies.industry, companies.website], query))
    .orderBy(asc(companies.name), asc(companies.id))
    .all();
  const ids = found.map((company) => company.id);
  const people = new Map(
    db
      .select({ companyId: contacts.companyId, people: count() })
      .from(contacts)
      .where(inArray(contacts.companyId, ids))
      .groupBy(contacts.companyId)
      .all()
      .map((row) => [row.companyId, row.people]),
  );
  const open = new Map(
    db
      .select({ companyId: deals.companyId, deals: count(), amount: sum(deals.amount).mapWith(Number) })
      .from(deals)
      .where(inArray(deals.stage, [...openStages]))
      .groupBy(deals.companyId)
      .all()
      .map((row) => [row.companyId, row]),
  );
  return found.map((company) => ({
    ...company,
    contactCount: people.get(company.id) ?? 0,
    openDealCount: open.get(company.id)?.deals ?? 0,
    openAmount: open.get(company.id)?.amount ?? 0,
  }));
}

/** One company, its people by name and its deals by close date; undefined when the sandbox has no such company. */
export function loadCompany(db: SandboxDb, companyId: number) {
  const company = db.select().from(companies).where(eq(companies.id, companyId)).get();
  if (!company) return undefined;
  const people = db.select().from(contacts).where(eq(contacts.companyId, companyId)).orderBy(asc(contacts.name), asc(contacts.id)).all();
  const companyDeals = db
    .select({ id: deals.id, title: deals.title, stage: deals.stage, amount: deals.amount, closeDate: deals.closeDate, owner: deals.owner })
    .from(deals)
    .where(eq(deals.companyId, companyId))
    .orderBy(asc(deals.closeDate), asc(deals.id))
    .all();
  return { company, contacts: people, deals: companyDeals };
}
