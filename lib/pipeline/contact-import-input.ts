// What the contact import's forms send: the uploaded file, the column each field comes from, which upload is
// confirmed. Parsed here, at the edge; the import itself sees typed values only.
import "server-only";
import { z } from "zod";
import { type ContactsTable, readContactsFile } from "./contact-csv";
import { contactFields } from "./contact-import";
import { maxContactsFileBytes, tooLargeMessage } from "./import-limits";

export const noFileMessage = "Choose a CSV file to upload first";

/** The form's file field, read and parsed, or what to tell the visitor. */
export async function readContactsUpload(
  form: FormData,
): Promise<{ input: { table: ContactsTable; fileName: string } } | { error: string }> {
  const file = form.get("file");
  if (!(file instanceof Blob)) return { error: noFileMessage };
  const fileName = "name" in file && typeof file.name === "string" ? file.name : "contacts.csv";
  if (file.size === 0 && fileName === "") return { error: noFileMessage };
  // Checked before reading: the size is known from the part's headers.
  if (file.size > maxContactsFileBytes) return { error: tooLargeMessage(file.size) };
  const read = await readContactsFile(new Uint8Array(await file.arrayBuffer()));
  return read.ok ? { input: { table: read.table, fileName } } : { error: read.error };
}

const upload = z.string().min(1).max(64);

/** A column picked in a field's list: its index, or "" for "not imported". */
const columnChoice = z
  .string({ message: "Choose a column from the list" })
  .regex(/^\d{0,4}$/, "Choose a column from the list")
  .transform((value) => (value === "" ? null : Number(value)));

export const columnMappingInput = z.object({
  upload,
  ...(Object.fromEntries(contactFields.map((field) => [field, columnChoice])) as Record<
    (typeof contactFields)[number],
    typeof columnChoice
  >),
});

export const uploadInput = z.object({ upload });
