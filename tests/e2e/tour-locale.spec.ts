// A visitor reads the tour in their browser's language when the demo is written in it, and English otherwise.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, startDemo } from "./helpers";

test("a German browser gets the German tour, with the tour's own buttons in German too", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9,en;q=0.5" } });
  const page = await context.newPage();
  await startDemo(page);
  const popover = page.getByTestId("tour-popover");
  await expect(page.getByRole("dialog", { name: "Willkommen bei Pipeline" })).toBeVisible();
  await expect(popover).toHaveAttribute("lang", "de");
  await expect(popover.locator(".tour-body strong")).toHaveText("Live-Kopie");
  await popover.getByRole("button", { name: "Tour starten" }).click();
  await expect(page.getByRole("dialog", { name: "Jeder Deal nach Phase" })).toBeVisible();
  await expect(popover).toContainText("Schritt 2 von 7");
  await expect(popover.getByRole("button", { name: "Zurück" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Closing leaves the way back in the same language, and its name says what the × does.
  await popover.getByRole("button", { name: "Tour schließen" }).click();
  await expect(page.getByTestId("tour-resume")).toHaveText("Tour fortsetzen");
  await page.getByTestId("tour-resume").click();
  await expect(page.getByRole("dialog", { name: "Jeder Deal nach Phase" })).toBeVisible();
  await context.close();
});

test("a browser asking for a language the demo lacks reads its first locale", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const page = await context.newPage();
  await startDemo(page);
  await expect(page.getByRole("dialog", { name: "Welcome to Pipeline" })).toHaveAttribute("lang", "en");
  await context.close();
});
