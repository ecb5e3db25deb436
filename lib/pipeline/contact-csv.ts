// Reads a visitor's uploaded contacts file into a header and rows, each row with the line it starts on. Every
// way a file can be unusable (empty, binary, not UTF-8, too large, too long, broken quoting) is a message that
// says what to do, never an exception.
import "server-only";
import { CsvError, parse } from "csv-parse/sync";
import { recordStartLine } from "@/lib/text/csv-record-line";
import { maxContactRows, maxContactsFileBytes, tooLargeMessage } from "./import-limits";

export type CsvRow = { line: number; cells: string[] };
export type ContactsTable = { headers: string[]; rows: CsvRow[] };
export type ContactsFile = { ok: true; table: ContactsTable } | { ok: false; error: string };

type ParsedRecord = { record: string[]; info: { lines: number }; raw: string };

const refuse = (error: string): ContactsFile => ({ ok: false, error });

export const fileMessages = {
  empty: "That file is empty. Choose a CSV file with a header line (Name, Title, Email, Company) and one contact per line.",
  binary:
    "That file is not a CSV: it holds binary data (a spreadsheet, an image or an archive?). In your spreadsheet, use File → Save as → CSV, then upload that file.",
  notUtf8: "That file is not UTF-8 text. Save it again as “CSV UTF-8” (most spreadsheets offer it under Save as) and upload it.",
  noRows: "That file names its columns but has no contacts below them. Add one contact per line and upload it again.",
  blankHeader: "The first line of that file is blank where the column names go. Put a header line such as Name,Title,Email,Company first.",
  headerIsData:
    "The first line of that file looks like a contact, not column names. Add a header line such as Name,Title,Email,Company above the contacts.",
} as const;

export const tooManyRowsMessage = (rows: number) =>
  `That file has ${rows.toLocaleString("en-US")} contacts; Pipeline imports up to ${maxContactRows.toLocaleString("en-US")} at a time. Split it and import each part.`;

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Semicolon and tab files (a spreadsheet's export in some locales) are read by what their header uses. */
function delimiterOf(headerLine: string): string {
  const count = (character: string) => headerLine.split(character).length - 1;
  const [best] = [",", ";", "\t"].sort((a, b) => count(b) - count(a));
  return best && count(best) > 0 ? best : ",";
}

/** The line the record that broke starts on: the first non-blank line after the last record read. */
function brokenRecordLine(lines: string[], lastRecordEnd: number): number {
  let index = lastRecordEnd;
  while (index < lines.length - 1 && (lines[index] ?? "").trim() === "") index++;
  return index + 1;
}

function csvErrorMessage(error: CsvError, line: number): string {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return `line ${line}: a quoted cell starts here and is never closed (a " without its partner). Fix the quotes and upload the file again.`;
  }
  return `line ${line} could not be read as CSV (${error.code}). Check that line's quotes and commas and upload the file again.`;
}

/** The file as a header and its rows, or a message for the visitor. */
export function readContactsFile(bytes: Uint8Array): ContactsFile {
  if (bytes.byteLength > maxContactsFileBytes) return refuse(tooLargeMessage(bytes.byteLength));
  if (bytes.includes(0)) return refuse(fileMessages.binary);
  const text = decodeUtf8(bytes);
  if (text === undefined) return refuse(fileMessages.notUtf8);
  if (text.replace(/^\uFEFF/, "").trim() === "") return refuse(fileMessages.empty);

  // One kind of line break: csv-parse counts a CRLF inside a quoted cell as two lines.
  const unified = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = unified.split("\n");
  const firstLine = lines.find((line) => line.trim() !== "") ?? "";
  let lastRecordEnd = 0;
  let records: ParsedRecord[];
  try {
    records = parse(unified, {
      delimiter: delimiterOf(firstLine),
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastRecordEnd = context.lines;
        return record;
      },
      // csv-parse's types lose `info` and `raw` once on_record is given; the records still carry them.
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return refuse(csvErrorMessage(error, brokenRecordLine(lines, lastRecordEnd)));
  }

  const [header, ...body] = records;
  if (!header) return refuse(fileMessages.empty);
  const headers = header.record.map((cell) => cell.trim());
  if (headers.every((cell) => cell === "")) return refuse(fileMessages.blankHeader);
  if (headers.some((cell) => cell.includes("@") || /^\+?[\d\s().-]{6,}$/.test(cell))) return refuse(fileMessages.headerIsData);
  const rows = body
    .filter(({ record }) => record.some((cell) => cell.trim() !== ""))
    .map(({ record, info, raw }) => ({ line: recordStartLine(info.lines, raw), cells: record }));
  if (rows.length === 0) return refuse(fileMessages.noRows);
  if (rows.length > maxContactRows) return refuse(tooManyRowsMessage(rows.length));
  return { ok: true, table: { headers: headers.map((cell, index) => cell || `Column ${index + 1}`), rows } };
}
