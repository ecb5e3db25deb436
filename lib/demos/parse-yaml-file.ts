// Parses a marketer's YAML (or JSON) file against a zod schema and reports every problem as
// `file:line:column — what is wrong — how to fix`, so a broken demo.yaml points at the line to fix instead of a
// stack trace. The sentences come from explain-issues.ts.
import "server-only";
import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { type ExplainedIssue, explainIssues } from "./explain-issues";

export { describePath } from "./explain-issues";

export type DemoFileProblem = { file: string; line: number; column: number; message: string };

/** How every problem reads, in a terminal, in the studio and in `npm start`'s refusal. */
export function formatProblem(problem: DemoFileProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} — ${problem.message}`;
}

export class DemoFileError extends Error {
  constructor(readonly problems: DemoFileProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "DemoFileError";
  }
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: DemoFileError };

type Position = { line: number; column: number };

/** A parsed YAML file: its plain data, and where in the file any path of that data was written. */
export type YamlSource = {
  file: string;
  data: unknown;
  /** The deepest node on `path` that exists: a missing key points at its parent mapping. */
  locate(path: readonly PropertyKey[]): Position;
  /** Where the key (not the value) at the end of `path` is written: an unknown field's own line. */
  locateKey(path: readonly PropertyKey[]): Position;
};

export function readYaml(file: string, text: string): { ok: true; source: YamlSource } | { ok: false; error: DemoFileError } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      const what = error.message.split("\n")[0] ?? error.code;
      return { file, line: position.line, column: position.col, message: `${what} — check the indentation and quoting on this line` };
    });
    return { ok: false, error: new DemoFileError(problems) };
  }
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return at(0);
  };
  const locateKey = (path: readonly PropertyKey[]) => {
    const parent = path.length > 1 ? document.getIn(path.slice(0, -1) as unknown[], true) : document.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
      if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
    }
    return locate(path);
  };
  return { ok: true, source: { file, data: document.toJS({ maxAliasCount: 50 }), locate, locateKey } };
}

/** Places an explained issue at its line in the YAML file. */
export function problemAt(source: YamlSource, issue: ExplainedIssue): DemoFileProblem {
  const position = issue.atKey ? source.locateKey(issue.path) : source.locate(issue.path);
  return { file: source.file, ...position, message: issue.message };
}

export function parseYamlFile<Schema extends z.ZodType>(file: string, text: string, schema: Schema): ParseResult<z.infer<Schema>> {
  const read = readYaml(file, text);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.source.data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const explained = explainIssues(parsed.error.issues, schema, read.source.data);
  return { ok: false, error: new DemoFileError(explained.map((issue) => problemAt(read.source, issue))) };
}
