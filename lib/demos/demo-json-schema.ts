// The JSON Schema editors complete and check demo.yaml with, generated from the zod demo schema so the two
// can never disagree. `npm run demos:schema` writes it; a unit test fails when the committed copy is stale.
import "server-only";
import { z } from "zod";
import { demoSchema } from "./demo-schema";

/** Where the generated schema is committed, relative to the repository. */
export const demoJsonSchemaFile = "demos/demo.schema.json";

/** The first line of every demos/<slug>/demo.yaml: points the YAML language server at the schema. */
export const demoJsonSchemaModeline = "# yaml-language-server: $schema=../demo.schema.json";

/**
 * What a marketer writes, not what the parser returns (`io: "input"`): fields with a default are optional.
 * Draft 7 because every YAML editor reads it. Cross-field rules (unique step ids, a branch for every persona)
 * have no JSON Schema form and are left to `npm run demos:check`; a field type with no JSON Schema form at all
 * makes this throw rather than quietly accept anything.
 */
export function demoJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...schema } = z.toJSONSchema(demoSchema, {
    io: "input",
    target: "draft-7",
    unrepresentable: "throw",
  });
  const $comment = "Generated from lib/demos/demo-schema.ts by `npm run demos:schema`; do not edit.";
  return { $schema, $comment, title, description, ...schema };
}
