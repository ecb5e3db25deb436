// The tour's frame words are chosen on the server with the demo's texts: the browser gets one language's
// strings (no table of every language, no functions, which could not cross to a client component anyway).
import { describe, expect, it } from "vitest";
import { progressText } from "@/components/tour/progress-text";
import { loadDemo } from "@/lib/demos/load-demo";
import { compileTour } from "@/lib/demos/tour-graph";
import { defaultNextLabel, lookingForName, tourWords } from "@/lib/demos/tour-words";
import { demoFolder } from "./demo-folder";

const text = [
  "title: { en: Words, de: Wörter }",
  "persona: { en: Testers, de: Tester }",
  "durationMinutes: 2",
  "summary: { en: A small tour., de: Eine kleine Tour. }",
  "funnelStage: consideration",
  "locales: [en, de]",
  "cta: { label: { en: Book a call, de: Termin buchen }, url: https://example.com/book }",
  "steps:",
  "  - { id: hello, title: { en: Hello, de: Hallo }, body: { en: Hi., de: Hallo. } }",
  "  - { id: own, title: { en: Own, de: Eigen }, body: { en: Mine., de: Meins. }, nextLabel: { en: Onwards, de: Los } }",
  "  - { id: go, title: { en: Go, de: Los }, body: { en: Open it., de: Öffnen. }, navigate: forecast }",
  "  - id: find",
  "    title: { en: Find, de: Finden }",
  "    body: { en: There., de: Dort. }",
  "    locate: { role: button, name: { en: New deal, de: Neuer Deal } }",
  "  - { id: end, kind: cta, title: { en: End, de: Ende }, body: { en: Talk to us., de: Sprechen Sie mit uns. } }",
].join("\n");

const compiled = (locale: string) => {
  const { definition } = loadDemo("words", demoFolder("words", { "demo.yaml": text }));
  const tour = compileTour(definition, { slug: "words", locale, contactUrl: "https://contact.example" });
  return { tour, step: (id: string) => tour.steps.find((step) => step.id === id) };
};

describe("the tour's words", () => {
  it("are plain strings in one language, German for de and English for anything unknown", () => {
    const german = tourWords("de-AT");
    expect(german).toMatchObject({ back: "Zurück", close: "Tour schließen", resume: "Tour fortsetzen", restart: "Tour neu starten" });
    expect(Object.values(german).every((value) => typeof value === "string")).toBe(true);
    expect(tourWords("fr").back).toBe("Back");
    expect(JSON.parse(JSON.stringify(german))).toEqual(german);
  });

  it("fill in the visitor's progress in the browser", () => {
    expect(progressText(tourWords("en"), 3, 7)).toBe("Step 3 of 7");
    expect(progressText(tourWords("de"), 2, 7)).toBe("Schritt 2 von 7");
  });

  it("label each step's main button by its kind unless the step names its own", () => {
    expect(defaultNextLabel("en", { next: "b" })).toBe("Next");
    expect(defaultNextLabel("en", {})).toBe("Finish");
    expect(defaultNextLabel("de", { navigate: { title: "Prognose" }, next: "b" })).toBe("Zur Seite „Prognose“");
    expect(defaultNextLabel("en", { cta: {} })).toBe("Keep exploring");
    expect(lookingForName("en", "New deal")).toBe("Looking for “New deal”…");
  });

  it("come compiled with the steps, in the same locale", () => {
    const english = compiled("en");
    expect(english.tour.words.progress).toBe("Step {step} of {total}");
    expect(english.step("hello")?.nextLabel).toBe("Next");
    expect(english.step("own")?.nextLabel).toBe("Onwards");
    expect(english.step("go")?.nextLabel).toBe("Go to Forecast");
    expect(english.step("find")?.looking).toBe("Looking for “New deal”…");
    expect(english.step("hello")?.looking).toBeUndefined();
    expect(english.step("end")?.nextLabel).toBe("Keep exploring");
    const german = compiled("de");
    expect(german.tour.words.back).toBe("Zurück");
    expect(german.step("hello")?.nextLabel).toBe("Weiter");
    expect(german.step("own")?.nextLabel).toBe("Los");
    expect(german.step("find")?.looking).toBe("Suche nach „Neuer Deal“ …");
    expect(german.step("end")?.nextLabel).toBe("Weiter umsehen");
  });
});
