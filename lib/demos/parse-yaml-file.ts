// Parses a marketer's YAML (or JSON) file against a zod schema and reports every problem as file:line:column,
// so a broken demo.yaml points at the line to fix instead of a stack trace.
import "server-only";
import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

export type DemoFileProblem = { file: string; line: number; column: number; message: string };

export class DemoFileError extends Error {
  constructor(readonly problems: DemoFileProblem[]) {
    super(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`).join("\n"));
    this.name = "DemoFileError";
  }
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: DemoFileError };

export function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}

/** A parsed YAML file: its plain data, and where in the file any path of that data was written. */
export type YamlSource = {
  file: string;
  data: unknown;
  /** The deepest node on `path` that exists: a missing key points at its parent mapping. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
};

export function readYaml(file: string, text: string): { ok: true; source: YamlSource } | { ok: false; error: DemoFileError } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      return { file, line: position.line, column: position.col, message: error.message.split("\n")[0] ?? error.code };
    });
    return { ok: false, error: new DemoFileError(problems) };
  }
  const locate = (path: readonly PropertyKey[]) => {
    let offset = 0;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        offset = node.range[0];
        break;
      }
    }
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return { ok: true, source: { file, data: document.toJS({ maxAliasCount: 50 }), locate } };
}

/** Turns a zod issue into a problem at the place in the YAML file it is about. */
export function problemAt(source: YamlSource, issue: z.core.$ZodIssue): DemoFileProblem {
  const where = describePath(issue.path);
  return { file: source.file, ...source.locate(issue.path), message: where ? `${where}: ${issue.message}` : issue.message };
}

export function parseYamlFile<Schema extends z.ZodType>(file: string, text: string, schema: Schema): ParseResult<z.infer<Schema>> {
  const read = readYaml(file, text);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.source.data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: new DemoFileError(parsed.error.issues.map((issue) => problemAt(read.source, issue))) };
}
