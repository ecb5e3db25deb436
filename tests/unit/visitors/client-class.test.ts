import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyUserAgent } from "@/lib/visitors/client-class";

const lines = (file: string) =>
  fs
    .readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");

describe("user agent → client class", () => {
  const bots = lines("bot-user-agents.txt");

  it(`flags every one of ${bots.length} real-world bot and headless user agents`, () => {
    expect(bots.length).toBeGreaterThanOrEqual(100);
    const missed = bots.filter((ua) => !classifyUserAgent(ua).bot);
    expect(missed).toEqual([]);
  });

  it.each(lines("human-user-agents.txt").map((line) => line.split("|")))("keeps %s as a person", (ua, browser, os, device) => {
    expect(classifyUserAgent(ua)).toEqual({ browser, os, device, bot: false });
  });

  it("treats a missing user agent as a bot and never returns the string itself", () => {
    expect(classifyUserAgent(undefined).bot).toBe(true);
    expect(classifyUserAgent("")).toEqual({ browser: "Other", os: "Other", device: "bot", bot: true });
    const result = JSON.stringify(classifyUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 Safari/537.36"));
    expect(result).not.toContain("Mozilla");
  });
});
