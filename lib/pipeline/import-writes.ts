// The contact import's writes, as app/s/[sandbox]/actions.ts hands them to the action wrapper; the tests drive
// the same functions. Only the last step changes what the visitor has, so only it is recorded as an action.
import "server-only";
import type { z } from "zod";
import type { ContactsTable } from "./contact-csv";
import type { columnMappingInput, uploadInput } from "./contact-import-input";
import { importContacts, setColumnMapping, stageContactsFile } from "./contact-import-store";
import type { FormWrite } from "./form-action";

/** Step 1: the file, read and kept in the sandbox until its columns are mapped. */
export const stageUploadWrite: FormWrite<{ table: ContactsTable; fileName: string }> = ({ db, input }) => {
  stageContactsFile(db, input.table, input.fileName);
  return {};
};

/** Step 2: which column fills which field; the page then shows every row's check. */
export const mapColumnsWrite: FormWrite<z.output<typeof columnMappingInput>> = ({ db, input: { upload, ...mapping } }) =>
  setColumnMapping(db, upload, mapping) ?? {};

/** Back from the review to the mapping. */
export const remapColumnsWrite: FormWrite<z.output<typeof uploadInput>> = ({ db, input }) =>
  setColumnMapping(db, input.upload, undefined) ?? {};

/** Step 3: the ready rows created, all or none; recorded as what the visitor did. */
export const importContactsWrite: FormWrite<z.output<typeof uploadInput>> = ({ db, input }) => {
  const imported = importContacts(db, input.upload);
  return "error" in imported ? imported : { action: { kind: "contacts.imported", detail: { count: imported.count } } };
};
