import fs from "node:fs";

/** Debian's headless-only Chromium (package chromium-headless-shell), and its full Chromium. */
export const headlessShellPath = "/usr/lib/chromium/chromium-headless-shell";
export const fullChromiumPath = "/usr/bin/chromium";

/**
 * The Chromium that the browser tests and demos:check's walk drive: CHROMIUM_PATH when set, else Debian's
 * headless shell when installed, else its full Chromium. The shell is the same Blink and V8 without the
 * desktop browser around them (Playwright's own default for headless runs): on the suite's 2 cores it spent
 * 42% less CPU than the full browser for the same tests (DEVELOPERS.md, "How long npm test takes").
 */
export function chromiumPath(env: Record<string, string | undefined>): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return fs.existsSync(headlessShellPath) ? headlessShellPath : fullChromiumPath;
}
