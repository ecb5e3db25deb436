// Reads a demo's fixture: one YAML or JSON file, where any table may instead name a CSV file beside it
// (`deals: deals.csv`) so a marketer can keep a long table in a spreadsheet. Every problem, in whichever
// file, comes back as file:line:column naming the row and field.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { recordStartLine } from "@/lib/text/csv-record-line";
import { didYouMean } from "./did-you-mean";
import { explainIssues, prefixed } from "./explain-issues";
import { type Fixture, type FixtureTable, fixtureSchema, fixtureTables } from "./fixture-schema";
import { DemoFileError, type DemoFileProblem, problemAt, readYaml } from "./parse-yaml-file";

export type ReadFixture = {
  fixture: Fixture;
  /** Every file the fixture was read from, in a fixed order: what its hash is made of. */
  sources: { name: string; text: string }[];
};

const csvName = /^[a-z0-9][a-z0-9._-]*\.csv$/;

type Position = { line: number; column: number };

/** Where each row of a CSV-backed table was written, and each of its cells by column name. */
type CsvTable = { file: string; rows: { start: Position; cells: Record<string, Position> }[] };

/**
 * Where each cell of one CSV record starts (its first non-blank character), from the record's raw text and the
 * line it starts on: what lets "amount is a plain number" point at the cell, not at column 1.
 */
export function cellPositions(raw: string, startLine: number): Position[] {
  const body = raw.replace(/^(\r?\n)+/, "");
  const starts: number[] = [0];
  let quoted = false;
  for (let index = 0; index < body.length; index++) {
    const character = body[index];
    if (character === '"')
      quoted = !quoted; // an escaped "" toggles twice
    else if (character === "," && !quoted) starts.push(index + 1);
    else if ((character === "\n" || character === "\r") && !quoted) break;
  }
  return starts.map((start) => {
    let offset = start;
    while (body[offset] === " " || body[offset] === "\t") offset++;
    const before = body.slice(0, offset);
    const lineBreaks = before.match(/\n/g)?.length ?? 0;
    return { line: startLine + lineBreaks, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
  });
}

function isNumberColumn(schema: z.ZodType | undefined): boolean {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodNumber;
}

function unknownColumn(column: string, fields: string[], table: string): string {
  const meant = didYouMean(column, fields);
  return `unknown column ${JSON.stringify(column)} — ${meant ? `did you mean "${meant}"? ` : ""}${table} has: ${fields.join(", ")}`;
}

function readCsvTable(
  table: FixtureTable,
  file: string,
  text: string,
): { ok: true; rows: Record<string, unknown>[]; places: CsvTable["rows"] } | { ok: false; problems: DemoFileProblem[] } {
  const shape = fixtureTables[table].shape as Record<string, z.ZodType>;
  let records: { record: Record<string, string>; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { columns: true, info: true, raw: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    const fix = "check that every row has as many cells as the header, and that quotes are closed";
    return { ok: false, problems: [{ file, line, column: 1, message: `${error.message} — ${fix}` }] };
  }
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const columns = parse(header, { trim: true })[0] as string[] | undefined;
  const unknown = (columns ?? []).filter((column) => !(column in shape));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: unknown.map((column) => ({
        file,
        line: 1,
        column: header.indexOf(column) + 1,
        message: unknownColumn(column, Object.keys(shape), table),
      })),
    };
  }
  const rows = records.map(({ record }) => {
    const row: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(record)) {
      if (cell === "") continue; // an empty cell is a value left out
      row[column] = isNumberColumn(shape[column]) && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    }
    return row;
  });
  const places = records.map(({ info, raw }) => {
    const start = recordStartLine(info.lines, raw);
    const positions = cellPositions(raw, start);
    const cells = Object.fromEntries((columns ?? []).map((column, index) => [column, positions[index] ?? { line: start, column: 1 }]));
    return { start: { line: start, column: 1 }, cells };
  });
  return { ok: true, rows, places };
}

/**
 * Reads `dir/fileName` and the CSV files it names. `shown` turns a file name into the path a marketer
 * sees in messages. Throws DemoFileError listing every problem found.
 */
export function readFixture(dir: string, fileName: string, shown: (name: string) => string): ReadFixture {
  const readText = (name: string): string | undefined => {
    try {
      return fs.readFileSync(path.join(dir, name), "utf8");
    } catch {
      return undefined;
    }
  };
  const text = readText(fileName);
  if (text === undefined) throw new DemoFileError([{ file: shown(fileName), line: 1, column: 1, message: "file not found" }]);
  const read = readYaml(shown(fileName), text);
  if (!read.ok) throw read.error;

  const sources = [{ name: fileName, text }];
  const problems: DemoFileProblem[] = [];
  const csvTables = new Map<string, CsvTable>();
  const data = read.source.data;
  const assembled: Record<string, unknown> = data && typeof data === "object" && !Array.isArray(data) ? { ...data } : {};

  for (const table of Object.keys(fixtureTables) as FixtureTable[]) {
    const value = assembled[table];
    if (typeof value !== "string") continue;
    const at = { file: read.source.file, ...read.source.locate([table]) };
    if (!csvName.test(value)) {
      problems.push({ ...at, message: `${table}: a table is a list of rows or the name of a .csv file beside the fixture` });
      continue;
    }
    const csvText = readText(value);
    if (csvText === undefined) {
      problems.push({ ...at, message: `${table}: ${value} not found beside the fixture` });
      continue;
    }
    sources.push({ name: value, text: csvText });
    const csv = readCsvTable(table, shown(value), csvText);
    if (!csv.ok) {
      problems.push(...csv.problems);
      continue;
    }
    assembled[table] = csv.rows;
    csvTables.set(table, { file: shown(value), rows: csv.places });
  }
  if (problems.length > 0) throw new DemoFileError(problems);

  const input = data && typeof data === "object" && !Array.isArray(data) ? assembled : data;
  const parsed = fixtureSchema.safeParse(input);
  if (parsed.success) return { fixture: parsed.data, sources };
  const explained = explainIssues(parsed.error.issues, fixtureSchema, input);
  throw new DemoFileError(
    explained.map((issue) => {
      const [table, row, field] = issue.path;
      const csv = typeof table === "string" ? csvTables.get(table) : undefined;
      const place = csv && typeof row === "number" ? csv.rows[row] : undefined;
      if (!csv || !place) return problemAt(read.source, issue);
      // In a CSV file the line is the row: the message names the field only ("amount is …", "closeDate is required").
      const cell = typeof field === "string" ? place.cells[field] : undefined;
      const missingColumn = typeof field === "string" && !cell && issue.text.startsWith(`${field} is required`);
      const text = missingColumn
        ? `${issue.text.split(" — ")[0]} — add a ${field} column to the header`
        : issue.text.replace(` — add ${String(field)}:`, " — fill in its cell:");
      return { file: csv.file, ...(cell ?? place.start), message: prefixed(issue.where.slice(2), text) };
    }),
  );
}
