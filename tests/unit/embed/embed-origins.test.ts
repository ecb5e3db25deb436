import { describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";

describe("EMBED_ORIGINS, the sites that may embed a demo", () => {
  it("is empty unless set: nobody may embed", () => {
    expect(loadConfig({}).embedOrigins).toEqual([]);
    expect(loadConfig({ EMBED_ORIGINS: " " }).embedOrigins).toEqual([]);
  });

  it("reads a comma-separated list of origins, written as a browser writes them", () => {
    const { embedOrigins } = loadConfig({ EMBED_ORIGINS: "https://www.example.com, http://localhost:3500/,https://Blog.Example.com:443" });
    expect(embedOrigins).toEqual(["https://www.example.com", "http://localhost:3500", "https://blog.example.com"]);
  });

  it.each([
    ["a page, not an origin", "https://www.example.com/pricing"],
    ["a query", "https://www.example.com?x=1"],
    ["a fragment", "https://www.example.com#top"],
    ["no scheme", "www.example.com"],
    ["another scheme", "ftp://www.example.com"],
    ["a wildcard", "https://*.example.com"],
    ["credentials", "https://user:pw@www.example.com"],
    ["a second policy directive smuggled in", "https://www.example.com; script-src *"],
    ["a quoted keyword", "'self'"],
  ])("refuses %s, naming the setting and the value", (_, value) => {
    expect(() => loadConfig({ EMBED_ORIGINS: value })).toThrow(/^EMBED_ORIGINS must list origins like https:\/\/www\.example\.com/);
  });
});
