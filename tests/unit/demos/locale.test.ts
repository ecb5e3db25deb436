import { describe, expect, it } from "vitest";
import { chooseLocale, textIn } from "@/lib/demos/locale";

describe("choosing a demo's locale from Accept-Language", () => {
  const available = ["en", "de", "pt-BR"];
  it("takes the best exact match, by quality", () => {
    expect(chooseLocale("fr;q=0.9, de;q=0.8, en;q=0.5", available)).toBe("de");
    expect(chooseLocale("pt-BR,pt;q=0.9", available)).toBe("pt-BR");
  });
  it("matches the language when the region differs", () => {
    expect(chooseLocale("de-AT", available)).toBe("de");
    expect(chooseLocale("en-US,en;q=0.9", available)).toBe("en");
    expect(chooseLocale("pt-PT", available)).toBe("pt-BR");
  });
  it("falls back to the demo's first locale for nothing, junk, * or q=0", () => {
    for (const header of [null, "", "*", "xx-YY", "de;q=0", ";;;,,,", "x".repeat(5000)])
      expect(chooseLocale(header, available), String(header)).toBe("en");
  });
  it("reads a text in the locale, else the fallback", () => {
    expect(textIn({ en: "Hello", de: "Hallo" }, "de", "en")).toBe("Hallo");
    expect(textIn({ en: "Hello" }, "de", "en")).toBe("Hello");
    expect(textIn("Same everywhere", "de", "en")).toBe("Same everywhere");
  });
});
