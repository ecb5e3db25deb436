// The tour's own words (its buttons and progress), in the languages demos are written in most; anything else
// reads English. A demo's own texts come localized from its file; these are the frame around them.
export type TourWords = {
  progress: (step: number, total: number) => string;
  next: string;
  finish: string;
  back: string;
  skip: string;
  waiting: string;
  close: string;
};

const english: TourWords = {
  progress: (step, total) => `Step ${step} of ${total}`,
  next: "Next",
  finish: "Finish",
  back: "Back",
  skip: "Skip this step",
  waiting: "Do it in the app to continue",
  close: "Close tour",
};

const byLanguage: Record<string, TourWords> = {
  en: english,
  de: {
    progress: (step, total) => `Schritt ${step} von ${total}`,
    next: "Weiter",
    finish: "Fertig",
    back: "Zurück",
    skip: "Schritt überspringen",
    waiting: "Probieren Sie es in der App, um fortzufahren",
    close: "Tour schließen",
  },
};

export function tourWords(locale: string): TourWords {
  return byLanguage[locale.split("-")[0] ?? "en"] ?? english;
}
