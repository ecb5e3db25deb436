// What the tour says while it looks for a step's target, in the languages of tour-words.ts.
export type TargetWords = {
  looking: (name?: string) => string;
  missing: string;
};

const english: TargetWords = {
  looking: (name) => (name ? `Looking for “${name}”…` : "Looking for this on the page…"),
  missing: "Can't find this? Skip ahead",
};

const byLanguage: Record<string, TargetWords> = {
  en: english,
  de: {
    looking: (name) => (name ? `Suche nach „${name}“ …` : "Suche nach dieser Stelle auf der Seite …"),
    missing: "Nicht zu finden? Weiter zum nächsten Schritt",
  },
};

export function targetWords(locale: string): TargetWords {
  return byLanguage[locale.split("-")[0] ?? "en"] ?? english;
}
