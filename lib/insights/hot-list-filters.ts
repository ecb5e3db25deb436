// The hot list's filters as they travel in a URL (shareable, no client state): parsed once at the edge into
// typed filters, or into the sentence that says what to fix. The page and the APIs share this one parse.
import { z } from "zod";
import { personaId } from "@/lib/demos/personas";
import { slugPattern } from "@/lib/demos/slug";
import { hasControlCharacter } from "@/lib/text/control-characters";

const maxValueLength = 100;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is written YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: "that day does not exist",
  });

export const hotListFilterSchema = z
  .object({
    demo: z.string().regex(slugPattern, "a demo is named by its slug, e.g. pipeline-basics").optional(),
    from: day.optional(),
    to: day.optional(),
    who: z.enum(["all", "accounts", "anonymous"], { message: "who is all, accounts or anonymous" }).default("all"),
    hand: z.enum(["1"], { message: "hand is 1 (hand raised) or left out" }).optional(),
    persona: personaId.optional(),
    mine: z.enum(["1"], { message: "mine is 1 or left out" }).optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: "from is after to", path: ["from"] });

export type HotListFilters = z.infer<typeof hotListFilterSchema>;
export const filterNames = ["demo", "from", "to", "who", "hand", "persona", "mine"] as const;

export type ParsedFilters = { ok: true; filters: HotListFilters } | { ok: false; error: string };

/**
 * The first value of each known parameter (others are ignored, as a link shortener's extra ones should be);
 * empty values mean "not set", so a form submitted with blanks reads as no filter.
 */
export function parseHotListFilters(params: URLSearchParams): ParsedFilters {
  const raw: Record<string, string> = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value === null || value === "") continue;
    if (value.length > maxValueLength) return { ok: false, error: `${name} is longer than ${maxValueLength} characters` };
    if (hasControlCharacter(value)) return { ok: false, error: `${name} holds a control character` };
    raw[name] = value;
  }
  const parsed = hotListFilterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join(".") || "filters"}: ${issue?.message ?? "not understood"}` };
  }
  return { ok: true, filters: parsed.data };
}

/** The query string for filters (the page's links and the export links keep the rep's filters). */
export function filtersQuery(filters: Partial<HotListFilters>): string {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name];
    if (value && !(name === "who" && value === "all")) params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Days as the half-open time window [from 00:00, day after `to` 00:00) in UTC milliseconds. */
export function filterWindow(filters: HotListFilters): { fromMs?: number; toMs?: number } {
  return {
    fromMs: filters.from ? Date.parse(`${filters.from}T00:00:00Z`) : undefined,
    toMs: filters.to ? Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000 : undefined,
  };
}
