// Turns zod's issues about a marketer's file into sentences in their words, each saying what is wrong and how
// to fix it: `unknown field "tittle" — did you mean "title"?` on the key's own line (and no follow-on "title is
// required" for the same object), "closeDate is required", a "did you mean" for a mistyped anchor, route, persona,
// locale or key. The schemas own the rules and their messages; this layer only rephrases zod's generic ones.
import type { z } from "zod";
import { productAnchors } from "@/lib/pipeline/anchors";
import { didYouMean } from "./did-you-mean";

export type Path = readonly PropertyKey[];

/**
 * One problem before it is placed in a file: the path it is about (and, for a key, whether to point at the key
 * itself), and its message with the path of what it talks about (`where`) and the sentence on its own (`text`).
 */
export type ExplainedIssue = { path: Path; atKey?: boolean; where: Path; text: string; message: string };

type AnySchema = z.core.$ZodType;

/** The zod schema that validates the value at `path`, looking through optional/default/pipe/union wrappers. */
export function schemaAt(schema: AnySchema, path: Path): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const key of path) {
    current = current && unwrap(current);
    if (!current) return undefined;
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === "object") current = (def.shape as Record<string, AnySchema>)[String(key)];
    else if (def.type === "array") current = def.element as AnySchema;
    else if (def.type === "record") current = def.valueType as AnySchema;
    else if (def.type === "union") {
      const options = (def.options as AnySchema[]).map((option) => schemaAt(option, [key])).filter(Boolean);
      current = options[0];
    } else return undefined;
  }
  return current;
}

/** The schema inside optional, default, nullable, readonly, lazy and preprocess wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (["optional", "default", "nullable", "readonly", "prefault", "nonoptional", "catch"].includes(def.type)) {
      current = def.innerType as AnySchema;
    } else if (def.type === "pipe") {
      const out = def.out as AnySchema;
      current = out._zod.def.type === "transform" ? (def.in as AnySchema) : out;
    } else if (def.type === "lazy") current = (def.getter as () => AnySchema)();
    else break;
  }
  return current;
}

/** The field names an object at `path` may have (empty when it is not an object). */
export function fieldsAt(schema: AnySchema, path: Path): string[] {
  const found = schemaAt(schema, path);
  if (!found) return [];
  const inner = unwrap(found);
  const def = inner._zod.def as unknown as { type: string; shape?: Record<string, unknown>; options?: AnySchema[] };
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.type === "union" && def.options) return def.options.flatMap((option) => fieldsAt(option, []));
  return [];
}

/** The `.describe()` text of the field at `path`, from its outermost wrapper that has one. */
export function descriptionAt(schema: AnySchema, path: Path): string | undefined {
  let current = schemaAt(schema, path);
  for (let depth = 0; current && depth < 20; depth++) {
    const described = (current as { description?: string }).description;
    if (described) return described;
    const def = current._zod.def as unknown as Record<string, unknown>;
    current = (def.innerType ?? def.in) as AnySchema | undefined;
  }
  return undefined;
}

export function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
}

const anchorListHint = "`npm run demos:check -- --anchors` lists every anchor with its page";

/** An unknown anchor: the nearest real one, else the list; and where to see each anchor's page either way. */
function anchorMessage(message: string, suggestion: string | undefined): string {
  const listed = message.indexOf(" (");
  return suggestion && listed >= 0 ? `${message.slice(0, listed)} (${anchorListHint})` : `${message}; ${anchorListHint}`;
}
const sameNames = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((name) => b.includes(name));

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

export function describePath(path: Path): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}

/** "deals[2].stage: …"; a sentence that starts with its field's name ("amount is …") is prefixed with the row only. */
export function prefixed(path: Path, text: string): string {
  const last = path.at(-1);
  const subject = typeof last === "string" && text.startsWith(`${last} `) ? path.slice(0, -1) : path;
  return subject.length > 0 ? `${describePath(subject)}: ${text}` : text;
}

const explainedAt = (path: Path, where: Path, text: string, atKey?: boolean): ExplainedIssue => ({
  path,
  where,
  text,
  message: prefixed(where, text),
  ...(atKey ? { atKey } : {}),
});
const quote = (value: unknown) => JSON.stringify(typeof value === "string" ? value : String(value));
const sentence = (text: string) => text.replace(/\.$/, "").replace(/^./, (first) => first.toLowerCase());

/**
 * Names a field's own list that a custom rule checks against (a fixture row's company key, a demo's own
 * locales and personas): what a "did you mean" for that rule picks from.
 */
function namesFor(path: Path, data: unknown, named: string): string[] {
  const field = [...path].reverse().find((key) => typeof key === "string");
  const keysOf = (table: string) => {
    const rows = isObject(data) ? data[table] : undefined;
    return Array.isArray(rows) ? rows.map((row) => (isObject(row) ? String(row.key) : "")) : [];
  };
  const listed = (name: string) => {
    const list = isObject(data) ? data[name] : undefined;
    return Array.isArray(list) ? list.map(String) : [];
  };
  if (field === "company") return keysOf("companies");
  if (field === "deal") return keysOf("deals");
  if (field === "contact") return keysOf("contacts");
  if (field === "personas") return listed("personas");
  // A translation keyed by a locale the demo does not list: its own locales are the candidates.
  if (typeof field === "string" && field === named && isObject(valueAt(data, path.slice(0, -1)))) return listed("locales");
  return [];
}

/** Puts a "did you mean" right after what is wrong, before the list of what is allowed. */
function withSuggestion(message: string, suggestion: string | undefined): string {
  if (!suggestion) return message;
  const hint = `did you mean "${suggestion}"?`;
  const split = message.indexOf("; ");
  return split < 0 ? `${message} — ${hint}` : `${message.slice(0, split)} — ${hint} (${message.slice(split + 2)})`;
}

/**
 * Every issue as a marketer reads it. `schema` is what the file was checked against and `data` what it held,
 * so unknown keys get the nearest real field and a missing field its description.
 */
export function explainIssues(issues: readonly z.core.$ZodIssue[], schema: AnySchema, data: unknown): ExplainedIssue[] {
  const explained: ExplainedIssue[] = [];
  // A mistyped key explains the "required" issue of the field it was meant to be: say it once.
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const fields = fieldsAt(schema, issue.path);
    const present = Object.keys((valueAt(data, issue.path) as Record<string, unknown>) ?? {});
    for (const key of issue.keys) {
      const suggestion = didYouMean(
        key,
        fields.filter((field) => !present.includes(field)),
      );
      if (suggestion) meant.add(JSON.stringify([...issue.path, suggestion]));
      const fix = suggestion ? `did you mean "${suggestion}"?` : `remove it, or use one of: ${fields.join(", ")}`;
      explained.push(explainedAt([...issue.path, key], issue.path, `unknown field "${key}" — ${fix}`, true));
    }
  }
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") continue;
    const value = valueAt(data, issue.path);
    const parentPath = issue.path.slice(0, -1);
    const field = issue.path.at(-1);
    const missing = value === undefined && typeof field === "string" && isObject(valueAt(data, parentPath));
    if (missing && ["invalid_type", "invalid_union", "invalid_value"].includes(issue.code)) {
      if (meant.has(JSON.stringify(issue.path))) continue;
      const about = descriptionAt(schema, issue.path);
      const message = `${field} is required — add ${field}:${about ? ` ${sentence(about)}` : ""}`;
      explained.push(explainedAt(issue.path, parentPath, message));
      continue;
    }
    if (issue.code === "invalid_value") {
      const suggestion = didYouMean(value, issue.values);
      const generic = issue.message.startsWith("Invalid option");
      const allowed = issue.values.map(String).join(", ");
      const name = typeof field === "string" ? field : "this";
      const message = generic
        ? `${name} cannot be ${quote(value)} — ${suggestion ? `did you mean "${suggestion}"? ` : ""}use one of: ${allowed}`
        : withSuggestion(issue.message, suggestion);
      explained.push(
        explainedAt(issue.path, issue.path, sameNames(issue.values, productAnchors) ? anchorMessage(message, suggestion) : message),
      );
      continue;
    }
    if (issue.code === "custom") {
      const named = /"([^"]+)"/.exec(issue.message)?.[1];
      const suggestion = named ? didYouMean(named, namesFor(issue.path, data, named)) : undefined;
      explained.push(explainedAt(issue.path, issue.path, withSuggestion(issue.message, suggestion)));
      continue;
    }
    explained.push(explainedAt(issue.path, issue.path, issue.message));
  }
  return explained;
}
