// Which of a demo's languages a visitor reads: the best match for their browser's Accept-Language, else the
// demo's first locale. And how a localized text field reads in one locale. Pure: the schema, the pages and the
// tests share it; nothing here is sent to the browser but the chosen words.

/** A BCP 47 tag as demos write them: a language, optionally a region (en, de, pt-BR). */
export const localePattern = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** Text a marketer writes once for every language, or per locale ({ en: …, de: … }). */
export type LocalizedText = string | Record<string, string>;

type Preference = { tag: string; quality: number };

function preferences(acceptLanguage: string | null | undefined): Preference[] {
  return (acceptLanguage ?? "")
    .slice(0, 512)
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality - order * 1e-6 : 0 };
    })
    .filter((preference) => preference.tag && preference.tag !== "*" && preference.quality > 0)
    .sort((a, b) => b.quality - a.quality);
}

/** The demo locale to show: an exact match first, then the same language, then the demo's first locale. */
export function chooseLocale(acceptLanguage: string | null | undefined, available: readonly string[]): string {
  const fallback = available[0] ?? "en";
  const lower = available.map((locale) => locale.toLowerCase());
  for (const { tag } of preferences(acceptLanguage)) {
    const wanted = tag.toLowerCase();
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return available[exact] ?? fallback;
    const language = wanted.split("-")[0];
    const sameLanguage = lower.findIndex((locale) => locale.split("-")[0] === language);
    if (sameLanguage >= 0) return available[sameLanguage] ?? fallback;
  }
  return fallback;
}

/** The text in `locale`, else in `fallback` (the demo's first locale), else any. */
export function textIn(text: LocalizedText, locale: string, fallback: string): string {
  if (typeof text === "string") return text;
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? "";
}
