// Reads a demo's fixture: one YAML or JSON file, where any table may instead name a CSV file beside it
// (`deals: deals.csv`) so a marketer can keep a long table in a spreadsheet. Every problem, in whichever
// file, comes back as file:line:column naming the row and field.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { recordStartLine } from "@/lib/text/csv-record-line";
import { type Fixture, type FixtureTable, fixtureSchema, fixtureTables } from "./fixture-schema";
import { DemoFileError, type DemoFileProblem, describePath, problemAt, readYaml } from "./parse-yaml-file";

export type ReadFixture = {
  fixture: Fixture;
  /** Every file the fixture was read from, in a fixed order: what its hash is made of. */
  sources: { name: string; text: string }[];
};

const csvName = /^[a-z0-9][a-z0-9._-]*\.csv$/;

/** Where each row of a CSV-backed table was written. */
type CsvTable = { file: string; lines: number[] };

function isNumberColumn(schema: z.ZodType | undefined): boolean {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodNumber;
}

function readCsvTable(
  table: FixtureTable,
  file: string,
  text: string,
): { ok: true; rows: Record<string, unknown>[]; lines: number[] } | { ok: false; problems: DemoFileProblem[] } {
  const shape = fixtureTables[table].shape as Record<string, z.ZodType>;
  let records: { record: Record<string, string>; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { columns: true, info: true, raw: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ file, line, column: 1, message: error.message }] };
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
        message: `unknown column ${JSON.stringify(column)}; ${table} has: ${Object.keys(shape).join(", ")}`,
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
  return { ok: true, rows, lines: records.map(({ info, raw }) => recordStartLine(info.lines, raw)) };
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
    csvTables.set(table, { file: shown(value), lines: csv.lines });
  }
  if (problems.length > 0) throw new DemoFileError(problems);

  const parsed = fixtureSchema.safeParse(data && typeof data === "object" && !Array.isArray(data) ? assembled : data);
  if (parsed.success) return { fixture: parsed.data, sources };
  throw new DemoFileError(
    parsed.error.issues.map((issue) => {
      const [table, row, ...field] = issue.path;
      const csv = typeof table === "string" ? csvTables.get(table) : undefined;
      if (!csv || typeof row !== "number") return problemAt(read.source, issue);
      const where = describePath(field);
      return { file: csv.file, line: csv.lines[row] ?? 1, column: 1, message: where ? `${where}: ${issue.message}` : issue.message };
    }),
  );
}
