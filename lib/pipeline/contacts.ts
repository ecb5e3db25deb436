// The sample product's people: the searchable list and one contact with the activities they were part of.
import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { activities, companies, contacts, deals } from "@/db/sandbox/schema";
import type { SandboxDb } from "@/lib/sandbox/handles";
import { anyContains } from "./search";

/** Contacts whose name, title or company's name contains `query` (everyone for ""), by name. */
export function searchContacts(db: SandboxDb, query: string) {
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      title: contacts.title,
      email: contacts.email,
      companyId: companies.id,
      company: companies.name,
    })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .where(anyContains([contacts.name, contacts.title, companies.name], query))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .all();
}

/** One contact, their company, and every activity they took part in, newest first; undefined when there is none. */
export function loadContact(db: SandboxDb, contactId: number) {
  const found = db
    .select({ contact: contacts, company: companies })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.id, contactId))
    .get();
  if (!found) return undefined;
  const history = db
    .select({ activity: activities, dealId: deals.id, deal: deals.title })
    .from(activities)
    .innerJoin(deals, eq(deals.id, activities.dealId))
    .where(eq(activities.contactId, contactId))
    .orderBy(desc(activities.occurredAt), desc(activities.id))
    .all();
  return { ...found, activities: history };
}
