// What Openhouse keeps of a user agent: a browser family, an OS family and a device class — never the
// string itself, which together with other facts can single a person out.
import "server-only";
import { isbot } from "isbot";

export type ClientClass = { browser: string; os: string; device: "desktop" | "mobile" | "tablet" | "bot"; bot: boolean };

// Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari" too.
const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const systems: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux|X11/, "Linux"],
];

export function classifyUserAgent(userAgent: string | null | undefined): ClientClass {
  const ua = (userAgent ?? "").slice(0, 512);
  const bot = ua === "" || isbot(ua);
  const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1] ?? "Other";
  const os = systems.find(([pattern]) => pattern.test(ua))?.[1] ?? "Other";
  const device = bot ? "bot" : /iPad|Tablet|Android(?!.*Mobile)/.test(ua) ? "tablet" : /Mobi|iPhone|iPod/.test(ua) ? "mobile" : "desktop";
  return { browser, os, device, bot };
}
