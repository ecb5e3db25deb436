// Importing contacts from a visitor's CSV: which column fills which Pipeline field (guessed from the header),
// and which rows are ready to create. Pure: the sandbox's own companies and emails are handed in.
import "server-only";
import { z } from "zod";
import type { ContactsTable, CsvRow } from "./contact-csv";

export const contactFields = ["name", "title", "email", "company"] as const;
export type ContactField = (typeof contactFields)[number];

/** For each field, the index of the CSV column that fills it, or null when none does. */
export const columnMapping = z.object(
  Object.fromEntries(contactFields.map((field) => [field, z.number().int().min(0).nullable()])) as {
    [Field in ContactField]: z.ZodNullable<z.ZodNumber>;
  },
);
export type ColumnMapping = z.infer<typeof columnMapping>;

/** Fields a contact cannot do without: the import asks for a column for each. */
export const requiredFields: readonly ContactField[] = ["name", "company"];

// Header names people use for each field, compared without case, spaces or punctuation.
const synonyms: Record<ContactField, string[]> = {
  name: ["name", "fullname", "contact", "contactname", "person", "displayname"],
  title: ["title", "jobtitle", "position", "role", "jobrole"],
  email: ["email", "emailaddress", "mail", "workemail", "e-mail"],
  company: ["company", "companyname", "organization", "organisation", "account", "accountname", "employer"],
};

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The column each field most likely comes from, by header name; a column fills one field at most. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<number>();
  const mapping = Object.fromEntries(contactFields.map((field) => [field, null])) as ColumnMapping;
  for (const field of contactFields) {
    const names = synonyms[field].map(normalizeHeader);
    const index = headers.findIndex((header, column) => !taken.has(column) && names.includes(normalizeHeader(header)));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/** What is wrong with a mapping before any row is looked at, or undefined when it can be used. */
export function mappingProblem(mapping: ColumnMapping, headers: readonly string[]): string | undefined {
  const missing = requiredFields.find((field) => mapping[field] === null);
  if (missing) return `Choose the column that holds each contact's ${missing}`;
  const chosen = contactFields.map((field) => mapping[field]).filter((column) => column !== null);
  if (chosen.some((column) => column >= headers.length)) return "That column is not in the file; choose again";
  if (new Set(chosen).size < chosen.length) return "Each column can fill one field only; choose a different column for each";
  return undefined;
}

const quoted = (value: string) => `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;

/** A cell as one line of text: a line break inside quotes, or a run of spaces, becomes one space. */
const cell = () => z.string().transform((value) => value.replace(/\s+/g, " ").trim());

/** One contact as Pipeline stores it. Cells are text, kept as written: "=HYPERLINK(…)" is a name, never a formula. */
export const contactRow = z.object({
  name: cell().pipe(z.string().min(1, "name is empty").max(120, "name is longer than 120 characters")),
  title: cell().pipe(z.string().max(120, "title is longer than 120 characters")),
  email: cell().pipe(
    z
      .string()
      .max(254, "email is longer than 254 characters")
      .pipe(z.union([z.literal(""), z.email({ error: (issue) => `email ${quoted(String(issue.input))} is not an address` })])),
  ),
  company: cell().pipe(
    z.string().min(1, "company is empty: every contact belongs to a company").max(120, "company is longer than 120 characters"),
  ),
});
export type ContactRow = z.infer<typeof contactRow>;

export type ReadyContact = ContactRow & { line: number };
export type RowProblem = { line: number; message: string };
export type ContactCheck = {
  ready: ReadyContact[];
  problems: RowProblem[];
  /** Companies the ready rows name that the workspace lacks: the import creates them, spelled as first written. */
  newCompanies: string[];
};

/** What the workspace already holds, for matching companies and catching duplicate emails. */
export type Workspace = { companies: readonly string[]; emails: readonly string[] };

export const companyKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

function rowProblems(row: CsvRow, headers: readonly string[]): string | undefined {
  if (row.cells.length > headers.length) {
    return `has ${row.cells.length} cells but the header names ${headers.length} columns; check for a comma that should be inside quotes`;
  }
  return undefined;
}

/** Every row checked against the mapping and the workspace: ready to create, or a problem on its line. */
export function checkContacts(table: ContactsTable, mapping: ColumnMapping, workspace: Workspace): ContactCheck {
  const known = new Set(workspace.companies.map(companyKey));
  const emails = new Map(workspace.emails.map((email) => [email.toLowerCase(), 0]));
  const newCompanies = new Map<string, string>();
  const ready: ReadyContact[] = [];
  const problems: RowProblem[] = [];
  for (const row of table.rows) {
    const shape = rowProblems(row, table.headers);
    if (shape) {
      problems.push({ line: row.line, message: `line ${row.line} ${shape}` });
      continue;
    }
    const cell = (field: ContactField) => {
      const column = mapping[field];
      return column === null ? "" : (row.cells[column] ?? "");
    };
    const parsed = contactRow.safeParse(Object.fromEntries(contactFields.map((field) => [field, cell(field)])));
    if (!parsed.success) {
      problems.push({ line: row.line, message: `line ${row.line}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}` });
      continue;
    }
    const email = parsed.data.email.toLowerCase();
    const seenOn = email ? emails.get(email) : undefined;
    if (seenOn !== undefined) {
      const where = seenOn === 0 ? "is already a contact in this workspace" : `is also on line ${seenOn}`;
      problems.push({ line: row.line, message: `line ${row.line}: email ${quoted(parsed.data.email)} ${where}` });
      continue;
    }
    if (email) emails.set(email, row.line);
    const key = companyKey(parsed.data.company);
    if (!known.has(key) && !newCompanies.has(key)) newCompanies.set(key, parsed.data.company);
    ready.push({ ...parsed.data, line: row.line });
  }
  return { ready, problems, newCompanies: [...newCompanies.values()] };
}
