// What the studio's element picker answers: the locator a step would use for the picked element, how many
// elements it matches on the page, and the YAML a marketer pastes into the step. Pure: the picker's DOM side
// (components/studio/preview/pick-locator.ts) finds the locator; this says it in the demo file's words.

/** A data-tour anchor, or a role and accessible name — never a CSS path, which breaks on the next redesign. */
export type Locator = { target: string } | { locate: { role: string; name: string } };

/** The step's line for the locator, in the demo.yaml syntax (names quoted, so any text stays valid YAML). */
export function locatorYaml(locator: Locator): string {
  if ("target" in locator) return `target: ${locator.target}`;
  return `locate: { role: ${locator.locate.role}, name: ${JSON.stringify(locator.locate.name)} }`;
}

/** How the live match count reads, and whether it is a problem: a step needs exactly one element. */
export function matchSummary(count: number): { text: string; warning: boolean } {
  if (count === 1) return { text: "Matches exactly 1 element on this page.", warning: false };
  if (count === 0) {
    return { text: "Matches nothing visible on this page now: a step with it would find no target here.", warning: true };
  }
  return {
    text: `Matches ${count} elements on this page: a step would point at the first. Pick something more specific, or add a data-tour anchor to the product.`,
    warning: true,
  };
}
