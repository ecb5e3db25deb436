// "Try it as Globex, as a sales leader": optional query parameters that personalise a new sandbox.
// Bad values are dropped, never an error page: a mangled campaign link still gives a working demo.
import "server-only";

import { z } from "zod";
import type { Sandbox } from "@/db/control/schema";
import { personaId } from "@/lib/demos/personas";
import { workspaceName } from "@/lib/pipeline/pipeline";
import { withoutControlCharacters } from "@/lib/text/control-characters";
import type { SandboxDb } from "./handles";

/** Line breaks and tabs become spaces; every other control character (C0, DEL, C1) is dropped. */
const breakingCharacters = /[\t\n\r\u2028\u2029]/g;

const company = z
  .string()
  .transform((value) => withoutControlCharacters(value.replace(breakingCharacters, " ")).replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(40)
      .regex(/^[\p{L}\p{N} &.,'-]+$/u),
  );

export const personalizationSchema = z.object({
  company: company.optional().catch(undefined),
  persona: personaId.optional().catch(undefined),
});

export type Personalization = z.infer<typeof personalizationSchema>;

/** The valid personalization in a /try URL, or undefined when there is none worth keeping. */
export function parsePersonalization(params: URLSearchParams): Personalization | undefined {
  const parsed = personalizationSchema.parse({
    company: params.get("company") ?? undefined,
    persona: params.get("persona") ?? undefined,
  });
  const kept = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** Re-reads stored personalization (a json column) through the same schema: old rows stay trustworthy. */
export function storedPersonalization(value: unknown): Personalization | undefined {
  const parsed = personalizationSchema.safeParse(value ?? {});
  if (!parsed.success) return undefined;
  return parsed.data.company || parsed.data.persona ? parsed.data : undefined;
}

/**
 * The workspace name the product shows: the personalised company, else the fixture's. Read from the control
 * row the ownership check already loaded, so provisioning never has to open the sandbox file to write it
 * (that UPDATE was ~1.2 ms of a ~1.5 ms provisioning; see BENCHMARKS.md), and Reset keeps it for free.
 */
export function workspaceFor(sandbox: Pick<Sandbox, "personalization">, db: SandboxDb): string {
  return storedPersonalization(sandbox.personalization)?.company ?? workspaceName(db);
}

/** The form kept in the control plane's json column: only the fields that are set. */
export function personalizationRow(personalization: Personalization | undefined): Record<string, string> | null {
  if (!personalization) return null;
  const row: Record<string, string> = {};
  if (personalization.company) row.company = personalization.company;
  if (personalization.persona) row.persona = personalization.persona;
  return Object.keys(row).length > 0 ? row : null;
}
