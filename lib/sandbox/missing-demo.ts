// Where /try sends someone whose link names no demo: the gallery, with a note naming what they asked for.
import "server-only";
import { withoutControlCharacters } from "@/lib/text/control-characters";

/** Enough to recognise a mistyped name; a longer one is someone's junk and is not echoed back whole. */
const shownCharacters = 64;

export function missingDemoPath(slug: string): string {
  // Cut by code point, not by UTF-16 unit: half an emoji is a lone surrogate, which encodeURIComponent
  // refuses with a URIError — a 500 for `/try/` followed by 63 letters and an emoji.
  const shown = Array.from(slug).slice(0, shownCharacters).join("");
  return `/?missing=${encodeURIComponent(shown)}`;
}

/**
 * The name the gallery's note shows, from its `?missing=`: the first if repeated, cut like the link above,
 * without control characters. Anyone can craft the link, so nothing longer or stranger is echoed back.
 */
export function shownMissingDemo(missing: string | string[] | undefined): string | undefined {
  const first = Array.isArray(missing) ? missing[0] : missing;
  const shown = Array.from(withoutControlCharacters(first ?? ""))
    .slice(0, shownCharacters)
    .join("")
    .trim();
  return shown || undefined;
}
