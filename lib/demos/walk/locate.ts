// From what a demo file names (an anchor, or a role and accessible name) to the element in the page.
import "server-only";
import type { Locator, Page } from "playwright";
import { type LocalizedText, textIn } from "@/lib/demos/locale";

export type Named = string | { role: string; name: LocalizedText };

export function locate(page: Page, named: Named, locale: string): Locator {
  if (typeof named === "string") return page.locator(`[data-tour="${named}"]`);
  const role = named.role as Parameters<Page["getByRole"]>[0];
  return page.getByRole(role, { name: textIn(named.name, locale, locale), exact: true });
}

/** How a report names it: the anchor pipeline-total, or the button “Create deal”. */
export function describeNamed(named: Named, locale: string): string {
  return typeof named === "string" ? `the anchor ${named}` : `the ${named.role} “${textIn(named.name, locale, locale)}”`;
}

/** What there is instead, for a report: the names of the elements of that role on the page. */
export async function namesOfRole(page: Page, named: Named): Promise<string> {
  if (typeof named === "string") return "";
  const role = named.role as Parameters<Page["getByRole"]>[0];
  const names = await page
    .getByRole(role)
    .evaluateAll((elements) =>
      elements
        .filter((element) => (element as HTMLElement).offsetParent !== null || element.getClientRects().length > 0)
        .map((element) => (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " "))
        .filter(Boolean),
    )
    .catch(() => [] as string[]);
  const unique = [...new Set(names)].slice(0, 12);
  return unique.length > 0 ? `; the ${named.role}s there: ${unique.map((name) => `“${name}”`).join(", ")}` : `; no ${named.role} there`;
}
