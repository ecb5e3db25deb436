// Substring search over a few text columns, with the visitor's text taken literally: a "%" or "_" they type
// matches itself, not "anything".
import "server-only";
import { type AnyColumn, or, type SQL, sql } from "drizzle-orm";

/** `text` as a LIKE pattern that matches it anywhere, with LIKE's wildcards and the escape character escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** True where any of `columns` contains `text` (ASCII case ignored, as SQLite's LIKE does); no filter for "". */
export function anyContains(columns: AnyColumn[], text: string): SQL | undefined {
  if (!text) return undefined;
  const pattern = containsPattern(text);
  return or(...columns.map((column) => sql`${column} like ${pattern} escape '\\'`));
}
