// docs/demo-format.md, generated from the same zod schemas the validator uses (through their JSON Schema), so
// the documentation of every demo.yaml and fixture field cannot drift from what `npm run demos:check` accepts.
// `npm run demos:docs` writes it; a unit test fails when the committed copy is stale.
import "server-only";
import { z } from "zod";
import { demoJsonSchema } from "./demo-json-schema";
import { fixtureSchema } from "./fixture-schema";
import { localePattern } from "./locale";

export const demoDocsFile = "docs/demo-format.md";

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema & { pattern?: string };
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
};

type Section = { title: string; schema: JsonSchema };

const formats: Record<string, string> = { date: "date, YYYY-MM-DD", "date-time": "time, YYYY-MM-DDTHH:MM:SSZ", email: "email address" };
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const code = (value: unknown) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
const maxSafe = Number.MAX_SAFE_INTEGER;

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/(definitions|\$defs)\//, "");
  return root.definitions?.[name] ?? schema;
}

function range(low: number | undefined, high: number | undefined, unit: string): string {
  const top = high !== undefined && high < maxSafe ? high : undefined;
  if (low !== undefined && top !== undefined) return ` (${low}–${top}${unit})`;
  if (low !== undefined && low > 0) return ` (at least ${low}${unit})`;
  if (top !== undefined) return ` (at most ${top}${unit})`;
  return "";
}

/** A field's type in words, and the sections its nested objects need. */
function typeOf(schema: JsonSchema, root: JsonSchema, name: string, sections: Section[]): string {
  const field = resolve(schema, root);
  const choices = field.anyOf ?? field.oneOf;
  if (choices) return [...new Set(choices.map((choice) => typeOf(choice, root, name, sections)))].join(", or ");
  if (field.const !== undefined) return code(field.const);
  if (field.enum) return "one of the values listed";
  const type = Array.isArray(field.type) ? field.type.join(" or ") : field.type;
  if (type === "string") {
    if (field.format && formats[field.format]) return formats[field.format] ?? "text";
    return `text${range(field.minLength && field.minLength > 1 ? field.minLength : undefined, field.maxLength, " characters")}`;
  }
  if (type === "integer")
    return `whole number${range(field.minimum ?? (field.exclusiveMinimum !== undefined ? field.exclusiveMinimum + 1 : undefined), field.maximum, "")}`;
  if (type === "number") return `number${range(field.minimum, field.maximum, "")}`;
  if (type === "boolean") return "true or false";
  if (type === "array") {
    const items = field.items ? typeOf(field.items, root, name, sections) : "anything";
    return `list of ${items}${range(field.minItems, field.maxItems, "")}`;
  }
  if (type === "object") {
    if (field.properties) {
      sections.push({ title: name, schema: field });
      return `${name} (below)`;
    }
    if (typeof field.additionalProperties === "object") {
      const value = typeOf(field.additionalProperties, root, name, sections);
      // A localized text: the record's keys are locale tags.
      return field.propertyNames?.pattern === localePattern.source ? `one per locale ({ en: ${value}, de: … })` : `{ name: ${value} }`;
    }
    return "mapping";
  }
  return type ?? "anything";
}

function allowedValues(schema: JsonSchema, root: JsonSchema): unknown[] {
  const field = resolve(schema, root);
  if (field.enum) return field.enum;
  if (field.items) return allowedValues(field.items, root);
  return (field.anyOf ?? field.oneOf ?? []).flatMap((choice) => allowedValues(choice, root));
}

function table(section: Section, root: JsonSchema, sections: Section[]): string[] {
  const rows = Object.entries(section.schema.properties ?? {}).map(([name, field]) => {
    const resolved = resolve(field, root);
    const required = section.schema.required?.includes(name);
    const nested = `${section.title.replace(/s$/, "")} ${name}`.replace(/^A /, "");
    const type = typeOf(resolved, root, resolved.items || resolved.properties ? nested : name, sections);
    const need = required ? "required" : resolved.default !== undefined ? `default ${code(resolved.default)}` : "optional";
    const values = allowedValues(resolved, root).map(code).join(", ");
    return `| \`${name}\` | ${cell(type)} | ${need} | ${cell(resolved.description ?? "")} | ${cell(values)} |`;
  });
  return [`| field | type | required / default | what it is | allowed values |`, "| --- | --- | --- | --- | --- |", ...rows];
}

function document(title: string, intro: string, root: JsonSchema): string[] {
  const sections: Section[] = [{ title, schema: root }];
  const lines: string[] = [];
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index];
    if (!section) continue;
    lines.push(index === 0 ? `## ${title}` : `### ${section.title}`, "");
    if (index === 0) lines.push(intro, "");
    else if (section.schema.description) lines.push(section.schema.description, "");
    lines.push(...table(section, root, sections), "");
  }
  return lines;
}

/** The whole of docs/demo-format.md. */
export function demoFormatMarkdown(): string {
  const demo = demoJsonSchema() as JsonSchema;
  const fixture = z.toJSONSchema(fixtureSchema, { io: "input", target: "draft-7", unrepresentable: "throw" }) as JsonSchema;
  return [
    "# The demo file format",
    "",
    "<!-- Generated from lib/demos/demo-schema.ts and lib/demos/fixture-schema.ts by `npm run demos:docs`; do not edit. -->",
    "",
    "A demo is a folder `demos/<slug>/` holding `demo.yaml` and its fixture. `npm run demos:check` validates both and",
    "names every problem as `file:line:column — what is wrong — how to fix`; `npm run demos:check -- --anchors` lists",
    "the anchors a step may target, each with its page; `npm run demos:new <slug>` starts a new demo that passes.",
    "",
    ...document(
      "demo.yaml",
      "The demo's gallery card and its tour. Start the file with `# yaml-language-server: $schema=../demo.schema.json` for completion in editors.",
      demo,
    ),
    ...document(
      "fixture.yaml",
      "The sample data every sandbox of the demo starts with (named by `fixture:` in demo.yaml; YAML or JSON). Rows refer to each other by `key`. Any table may instead be the name of a CSV file beside the fixture (`deals: deals.csv`) with a header row of the row's field names; an empty cell leaves an optional field out.",
      fixture,
    ),
  ]
    .join("\n")
    .replace(/\n+$/, "\n");
}
