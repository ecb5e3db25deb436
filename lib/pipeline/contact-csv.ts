// Reads a visitor's uploaded contacts file into a header and rows, each row with the line it starts on. Every
// way a file can be unusable (empty, binary, not UTF-8, too large, too wide, too long, broken quoting) is a
// message that says what to do, never an exception. The file is parsed a slice at a time, giving the event loop
// back between slices, and parsing stops at the first limit passed: no upload holds the server for others.
import "server-only";
import { finished } from "node:stream/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import { CsvError, type Options, parse } from "csv-parse";
import { recordStartLine } from "@/lib/text/csv-record-line";
import {
  cellTooLongMessage,
  maxCellCharacters,
  maxContactColumns,
  maxContactRows,
  maxContactsFileBytes,
  tooLargeMessage,
  tooManyCellsMessage,
  tooManyColumnsMessage,
  tooManyRowsMessage,
} from "./import-limits";

export type CsvRow = { line: number; cells: string[] };
export type ContactsTable = { headers: string[]; rows: CsvRow[] };
export type ContactsFile = { ok: true; table: ContactsTable } | { ok: false; error: string };

type ParsedRecord = { record: string[]; info: { lines: number }; raw: string };

/** Bytes parsed per turn of the event loop: a few milliseconds of work, however large or odd the file. */
const sliceBytes = 32 * 1024;

/** A limit passed while parsing: parsing stops there, and the visitor reads `message`. */
class LimitPassed extends Error {
  constructor(readonly refusal: string) {
    super(refusal);
  }
}

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

/** A record past a limit, as the visitor reads it; undefined when it is within them all. */
function limitPassed(record: readonly string[], line: number, isHeader: boolean): string | undefined {
  if (record.length > maxContactColumns) return isHeader ? tooManyColumnsMessage(record.length) : tooManyCellsMessage(line, record.length);
  const long = record.findIndex((cell) => cell.length > maxCellCharacters);
  if (long >= 0) return cellTooLongMessage(line, long + 1, record[long]?.length ?? 0);
  return undefined;
}

/**
 * Every record of `text` with its line, parsed a slice at a time. Stops at the first record past a limit (columns,
 * cell length, or one row more than an import takes) and throws LimitPassed, or at broken quoting (CsvError).
 */
async function parseRecords(text: string, delimiter: string, onRecordEnd: (line: number) => void): Promise<ParsedRecord[]> {
  const records: ParsedRecord[] = [];
  let rows = 0;
  const options: Options<ParsedRecord, ParsedRecord> = {
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    on_record: (parsed: ParsedRecord, context) => {
      onRecordEnd(context.lines);
      const line = recordStartLine(parsed.info.lines, parsed.raw);
      const isHeader = context.records === 1;
      const refusal = limitPassed(parsed.record, line, isHeader);
      if (refusal) throw new LimitPassed(refusal);
      if (!isHeader && parsed.record.some((cell) => cell.trim() !== "") && ++rows > maxContactRows)
        throw new LimitPassed(tooManyRowsMessage);
      return parsed;
    },
  };
  // csv-parse's parse() is typed for plain string[] records; with info and raw they carry both.
  const parser = parse(options as unknown as Options);
  parser.on("data", (record: ParsedRecord) => records.push(record));
  const done = finished(parser);
  // Awaited below; a parse that stops early rejects it while a slice is still being awaited.
  done.catch(() => undefined);
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.byteLength && !parser.destroyed; start += sliceBytes) {
    // Slices may cut a character in two: csv-parse joins a cell's bytes before decoding them.
    await new Promise<void>((resolve) => parser.write(bytes.subarray(start, start + sliceBytes), () => resolve()));
    await nextTurn();
  }
  if (!parser.destroyed) parser.end();
  await done;
  return records;
}

/** The file as a header and its rows, or a message for the visitor. */
export async function readContactsFile(bytes: Uint8Array): Promise<ContactsFile> {
  if (bytes.byteLength > maxContactsFileBytes) return refuse(tooLargeMessage(bytes.byteLength));
  if (bytes.includes(0)) return refuse(fileMessages.binary);
  const text = decodeUtf8(bytes);
  if (text === undefined) return refuse(fileMessages.notUtf8);
  if (text.replace(/^\uFEFF/, "").trim() === "") return refuse(fileMessages.empty);

  // One kind of line break: csv-parse counts a CRLF inside a quoted cell as two lines.
  const unified = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const firstLine = /^[^\n]*\S[^\n]*$/m.exec(unified)?.[0] ?? "";
  const delimiter = delimiterOf(firstLine);
  // A header without quotes has a column per delimiter, so a file too wide is refused before any parsing.
  const columns = firstLine.includes('"') ? 0 : firstLine.split(delimiter).length;
  if (columns > maxContactColumns) return refuse(tooManyColumnsMessage(columns));
  let lastRecordEnd = 0;
  let records: ParsedRecord[];
  try {
    records = await parseRecords(unified, delimiter, (line) => {
      lastRecordEnd = line;
    });
  } catch (error) {
    if (error instanceof LimitPassed) return refuse(error.refusal);
    if (!(error instanceof CsvError)) throw error;
    return refuse(csvErrorMessage(error, brokenRecordLine(unified.split("\n"), lastRecordEnd)));
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
  return { ok: true, table: { headers: headers.map((cell, index) => cell || `Column ${index + 1}`), rows } };
}
