// Parses a marketer's YAML file against a zod schema and reports every problem as file:line:column,
// so a broken demo.yaml points at the line to fix instead of a stack trace.
import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

export class DemoFileError extends Error {
  constructor(
    readonly problems: { file: string; line: number; column: number; message: string }[],
  ) {
    super(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`).join("\n"));
    this.name = "DemoFileError";
  }
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: DemoFileError };

function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}

export function parseYamlFile<Schema extends z.ZodType>(
  file: string,
  text: string,
  schema: Schema,
): ParseResult<z.infer<Schema>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      return { file, line: position.line, column: position.col, message: error.message.split("\n")[0] ?? error.code };
    });
    return { ok: false, error: new DemoFileError(problems) };
  }
  const parsed = schema.safeParse(document.toJS({ maxAliasCount: 50 }));
  if (parsed.success) return { ok: true, value: parsed.data };

  const problems = parsed.error.issues.map((issue) => {
    // Point at the deepest node that exists: a missing key points at its parent mapping.
    let offset = 0;
    for (let depth = issue.path.length; depth >= 0; depth--) {
      const node = document.getIn(issue.path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        offset = node.range[0];
        break;
      }
    }
    const { line, col } = lineCounter.linePos(offset);
    const where = describePath(issue.path);
    return { file, line, column: col, message: where ? `${where}: ${issue.message}` : issue.message };
  });
  return { ok: false, error: new DemoFileError(problems) };
}
