// What the loader tells an embed page about the page embedding it: that page's origin (where the frame's
// events may go), its address without query or fragment (the visitor's source), its utm_* values and the
// persona the snippet names. Parsed once here, at the edge; a value that cannot be what the loader sends is
// refused with what is wrong, never guessed at.
import "server-only";
import { type PersonaId, personaIds } from "@/lib/demos/personas";
import { withoutControlCharacters } from "@/lib/text/control-characters";
import type { ArrivalSource } from "@/lib/visitors/arrival-source";

export type EmbedArrival = {
  /** The embedding page's origin, as the loader read it from `location.origin`. */
  origin?: string;
  /** The embedding page's address: origin and path only, since a query may carry a secret. */
  page?: string;
  utm: Record<string, string>;
  persona?: PersonaId;
};

export const utmKeys = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

const maxPageLength = 300;
const maxUtmLength = 100;

function webUrl(raw: string): URL | undefined {
  if (raw.length > 2000 || !URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}

export function parseEmbedArrival(params: URLSearchParams): { ok: true; arrival: EmbedArrival } | { ok: false; error: string } {
  const arrival: EmbedArrival = { utm: {} };
  const origin = params.get("origin");
  if (origin) {
    const url = webUrl(origin);
    if (!url || url.origin !== origin)
      return { ok: false, error: "origin must be the embedding page's origin, like https://www.example.com." };
    arrival.origin = url.origin;
  }
  const page = params.get("page");
  if (page) {
    const url = webUrl(page);
    if (!url || (arrival.origin && url.origin !== arrival.origin)) {
      return { ok: false, error: "page must be the address of the embedding page, on its origin." };
    }
    arrival.page = `${url.origin}${url.pathname}`.slice(0, maxPageLength);
  }
  const persona = params.get("persona");
  if (persona) {
    if (!(personaIds as readonly string[]).includes(persona)) {
      return { ok: false, error: `persona must be one of ${personaIds.join(", ")}.` };
    }
    arrival.persona = persona as PersonaId;
  }
  for (const key of utmKeys) {
    const value = withoutControlCharacters(params.get(key) ?? "").trim();
    if (value) arrival.utm[key] = value.slice(0, maxUtmLength);
  }
  return { ok: true, arrival };
}

/** Where an embedded visitor came from: the page that embedded the demo and its campaign, as /try keeps utm_*. */
export function embedSource(arrival: EmbedArrival): ArrivalSource {
  return { ...arrival.utm, ...(arrival.page ? { embedded: arrival.page } : {}) };
}

/** The arrival as query parameters again, for the next embed page or /try in a new tab. */
export function arrivalQuery(arrival: EmbedArrival, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (arrival.origin) params.set("origin", arrival.origin);
  if (arrival.page) params.set("page", arrival.page);
  if (arrival.persona) params.set("persona", arrival.persona);
  for (const [key, value] of Object.entries(arrival.utm)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
