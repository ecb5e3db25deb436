// The words of the step kinds beyond a plain popover (navigate, cta), in the tour's languages; the frame's own
// buttons are in tour-words.ts. Anything else reads English.
export type StepWords = { goTo: (page: string) => string; keepExploring: string; newTab: string };

const english: StepWords = { goTo: (page) => `Go to ${page}`, keepExploring: "Keep exploring", newTab: "(opens in a new tab)" };

const byLanguage: Record<string, StepWords> = {
  en: english,
  de: { goTo: (page) => `Zur Seite „${page}“`, keepExploring: "Weiter umsehen", newTab: "(öffnet in einem neuen Tab)" },
};

export function stepWords(locale: string): StepWords {
  return byLanguage[locale.split("-")[0] ?? "en"] ?? english;
}
