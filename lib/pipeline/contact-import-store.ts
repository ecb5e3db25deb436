// A contact import in progress, kept in the visitor's own sandbox (a settings row) between its steps: upload →
// column mapping → review of the rows → confirm. It survives a reload, is the visitor's alone, and Reset clears it.
import "server-only";
import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { companies, contacts, settings } from "@/db/sandbox/schema";
import type { SandboxDb } from "@/lib/sandbox/handles";
import type { ContactsTable } from "./contact-csv";
import {
  type ColumnMapping,
  type ContactCheck,
  checkContacts,
  columnMapping,
  companyKey,
  guessMapping,
  mappingProblem,
} from "./contact-import";
import { maxCellCharacters, maxContactColumns, maxContactRows, previewOf, previewRows } from "./import-limits";

const importKey = "contact-import";

// Within the upload's limits: an import stored before they existed (40,000 columns once) reads as none, so
// the page offers a new upload rather than rendering it.
const cells = z.array(z.string().max(maxCellCharacters)).max(maxContactColumns);

const storedImport = z.discriminatedUnion("step", [
  z.object({
    step: z.literal("pending"),
    /** Names this upload, so a confirm from a page showing an older file is refused. */
    upload: z.string(),
    fileName: z.string(),
    headers: cells,
    rows: z.array(z.object({ line: z.number(), cells })).max(maxContactRows),
    mapping: columnMapping.optional(),
  }),
  z.object({ step: z.literal("imported"), fileName: z.string(), contactIds: z.array(z.number()) }),
]);
type StoredImport = z.infer<typeof storedImport>;
type PendingImport = Extract<StoredImport, { step: "pending" }>;

/** What the import page shows, one step at a time. */
export type ContactImportView =
  | { step: "upload" }
  | { step: "mapping"; upload: string; fileName: string; headers: string[]; rowCount: number; mapping: ColumnMapping; preview: string[][] }
  | { step: "review"; upload: string; fileName: string; headers: string[]; rowCount: number; mapping: ColumnMapping; check: ContactCheck }
  | { step: "imported"; fileName: string; contacts: { id: number; name: string; title: string; email: string | null; company: string }[] };

export const staleUploadMessage = "That file was replaced or already imported, perhaps in another tab. Check what this page shows now.";

function readStored(db: SandboxDb): StoredImport | undefined {
  const value = db.select().from(settings).where(eq(settings.key, importKey)).get()?.value;
  if (value === undefined) return undefined;
  try {
    const parsed = storedImport.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Takes a transaction too: anything that can insert into the sandbox's tables. */
function writeStored(db: Pick<SandboxDb, "insert">, stored: StoredImport): void {
  const value = JSON.stringify(stored);
  db.insert(settings).values({ key: importKey, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

function workspaceOf(db: SandboxDb) {
  return {
    companies: db
      .select({ name: companies.name })
      .from(companies)
      .all()
      .map((row) => row.name),
    emails: db
      .select({ email: contacts.email })
      .from(contacts)
      .all()
      .flatMap((row) => (row.email ? [row.email] : [])),
  };
}

function pendingFor(db: SandboxDb, upload: string): PendingImport | undefined {
  const stored = readStored(db);
  return stored?.step === "pending" && stored.upload === upload ? stored : undefined;
}

/** Keeps an uploaded file for its mapping step, in place of any import before it. */
export function stageContactsFile(db: SandboxDb, table: ContactsTable, fileName: string): void {
  writeStored(db, { step: "pending", upload: randomUUID(), fileName: fileName.slice(0, 120), ...table });
}

/** Sets (or with undefined, clears) the column mapping of the file on the page. */
export function setColumnMapping(db: SandboxDb, upload: string, mapping: ColumnMapping | undefined): { error: string } | undefined {
  const pending = pendingFor(db, upload);
  if (!pending) return { error: staleUploadMessage };
  const problem = mapping && mappingProblem(mapping, pending.headers);
  if (problem) return { error: problem };
  writeStored(db, { ...pending, mapping });
  return undefined;
}

export function discardContactImport(db: SandboxDb): void {
  db.delete(settings).where(eq(settings.key, importKey)).run();
}

/** Creates the ready rows (and the companies they name that are new), all or none. */
export function importContacts(db: SandboxDb, upload: string): { count: number } | { error: string } {
  const pending = pendingFor(db, upload);
  if (!pending?.mapping) return { error: staleUploadMessage };
  const { ready } = checkContacts(pending, pending.mapping, workspaceOf(db));
  if (ready.length === 0) return { error: "No row is ready to import. Fix the file and upload it again." };
  return db.transaction((tx) => {
    const companyIds = new Map(
      tx
        .select({ id: companies.id, name: companies.name })
        .from(companies)
        .all()
        .map((row) => [companyKey(row.name), row.id]),
    );
    const contactIds: number[] = [];
    for (const row of ready) {
      const key = companyKey(row.company);
      let companyId = companyIds.get(key);
      if (companyId === undefined) {
        companyId = tx.insert(companies).values({ name: row.company, industry: "" }).returning({ id: companies.id }).get().id;
        companyIds.set(key, companyId);
      }
      const created = tx
        .insert(contacts)
        .values({ companyId, name: row.name, title: row.title, email: row.email || null })
        .returning({ id: contacts.id })
        .get();
      contactIds.push(created.id);
    }
    writeStored(tx, { step: "imported", fileName: pending.fileName, contactIds });
    return { count: contactIds.length };
  });
}

/** The import's current step, as the page shows it. */
export function loadContactImport(db: SandboxDb): ContactImportView {
  const stored = readStored(db);
  if (!stored) return { step: "upload" };
  if (stored.step === "imported") {
    const created = db
      .select({ id: contacts.id, name: contacts.name, title: contacts.title, email: contacts.email, company: companies.name })
      .from(contacts)
      .innerJoin(companies, eq(companies.id, contacts.companyId))
      .where(inArray(contacts.id, stored.contactIds))
      .orderBy(asc(contacts.id))
      .all();
    return { step: "imported", fileName: stored.fileName, contacts: created };
  }
  // Column names as the page shows them (cut like the preview); the mapping itself goes by position.
  const headers = stored.headers.map(previewOf);
  const common = { upload: stored.upload, fileName: stored.fileName, headers, rowCount: stored.rows.length };
  if (!stored.mapping) {
    const preview = stored.rows.slice(0, previewRows).map((row) => row.cells.slice(0, headers.length).map(previewOf));
    return { step: "mapping", ...common, mapping: guessMapping(stored.headers), preview };
  }
  return { step: "review", ...common, mapping: stored.mapping, check: checkContacts(stored, stored.mapping, workspaceOf(db)) };
}
