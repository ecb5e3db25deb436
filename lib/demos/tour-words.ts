// The tour's own words (its buttons, progress and the look-out for a late target), in the languages demos are
// written in most; anything else reads English. Chosen here, on the server, with the demo's own texts
// (compileTour): the browser gets the one language it shows, never every language's table.

export type TourWords = {
  /** "{step}" and "{total}" are filled in by the browser ("Step 3 of 7"). */
  progress: string;
  back: string;
  skip: string;
  waiting: string;
  close: string;
  /** While a step's target has not appeared yet (a located step names what it looks for instead). */
  looking: string;
  missing: string;
  newTab: string;
  resume: string;
  restart: string;
};

/** The default labels of a step's main button, which a step's own nextLabel replaces. */
type ButtonWords = {
  next: string;
  finish: string;
  keepExploring: string;
  goTo: (page: string) => string;
  lookingFor: (name: string) => string;
};

const english: TourWords & ButtonWords = {
  progress: "Step {step} of {total}",
  back: "Back",
  skip: "Skip this step",
  waiting: "Do it in the app to continue",
  close: "Close tour",
  looking: "Looking for this on the page…",
  missing: "Can't find this? Skip ahead",
  newTab: "(opens in a new tab)",
  resume: "Resume tour",
  restart: "Restart tour",
  next: "Next",
  finish: "Finish",
  keepExploring: "Keep exploring",
  goTo: (page) => `Go to ${page}`,
  lookingFor: (name) => `Looking for “${name}”…`,
};

const byLanguage: Record<string, TourWords & ButtonWords> = {
  en: english,
  de: {
    progress: "Schritt {step} von {total}",
    back: "Zurück",
    skip: "Schritt überspringen",
    waiting: "Probieren Sie es in der App, um fortzufahren",
    close: "Tour schließen",
    looking: "Suche nach dieser Stelle auf der Seite …",
    missing: "Nicht zu finden? Weiter zum nächsten Schritt",
    newTab: "(öffnet in einem neuen Tab)",
    resume: "Tour fortsetzen",
    restart: "Tour neu starten",
    next: "Weiter",
    finish: "Fertig",
    keepExploring: "Weiter umsehen",
    goTo: (page) => `Zur Seite „${page}“`,
    lookingFor: (name) => `Suche nach „${name}“ …`,
  },
};

function wordsIn(locale: string): TourWords & ButtonWords {
  return byLanguage[locale.split("-")[0] ?? "en"] ?? english;
}

/** The frame's words for a tour shown in locale: what the browser gets beside the steps. */
export function tourWords(locale: string): TourWords {
  const { next, finish, keepExploring, goTo, lookingFor, ...words } = wordsIn(locale);
  return words;
}

/** The label of a step's main button unless the step names its own: Go to … · Keep exploring · Next · Finish. */
export function defaultNextLabel(locale: string, step: { navigate?: { title: string }; cta?: unknown; next?: string }): string {
  const words = wordsIn(locale);
  if (step.navigate) return words.goTo(step.navigate.title);
  if (step.cta) return words.keepExploring;
  return step.next ? words.next : words.finish;
}

/** What the card says while it looks for a located step's target by its name. */
export function lookingForName(locale: string, name: string): string {
  return wordsIn(locale).lookingFor(name);
}
