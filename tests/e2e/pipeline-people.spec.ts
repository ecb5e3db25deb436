// The sample product's companies, contacts and activity log, in a real browser: a visitor searches, opens a
// record, logs a call on a deal and sees it; the header stays one row on a phone and the board fits a laptop.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, startDemo } from "./helpers";

/** Where the screenshots a person looks at go, when a run asks for them (E2E_SCREENSHOTS_DIR). */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

async function startWithoutTour(page: Page): Promise<string> {
  const sandboxPath = await startDemo(page);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  return sandboxPath;
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Product" });

test("a visitor searches companies, opens one, and goes on to one of its deals", async ({ page }) => {
  const sandboxPath = await startWithoutTour(page);
  await nav(page).getByRole("link", { name: "Companies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Companies" })).toBeVisible();
  await expect(page.locator("[data-tour=companies-list] tbody tr")).toHaveCount(8);
  await expectNoAxeViolations(page);

  const search = page.getByRole("searchbox", { name: "Search companies" });
  await search.fill("north");
  await search.press("Enter");
  await expect(page).toHaveURL(`${sandboxPath}/companies?q=north`);
  const rows = page.locator("[data-tour=companies-list] tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Northwind Traders");
  await expect(rows.first()).toContainText("$70,000");
  await expect(search).toHaveValue("north");
  await screenshot(page, "companies-list");

  // Wildcards are searched for as themselves: nothing in the sample data holds a "%".
  await search.fill("%");
  await search.press("Enter");
  await expect(page.getByText("No company matches")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(rows).toHaveCount(8);

  await page.getByRole("link", { name: "Northwind Traders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
  const people = page.getByRole("region", { name: "People" });
  await expect(people.getByRole("link")).toHaveText(["Ana Trujillo", "Thomas Hardy"]);
  const deals = page.getByRole("region", { name: "Deals" });
  await expect(deals.getByRole("listitem").filter({ hasText: "Northwind annual renewal" })).toContainText(/Negotiation\s*\$48,000/);
  await expectNoAxeViolations(page);
  await screenshot(page, "company");

  await deals.getByRole("link", { name: "Northwind warehouse expansion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Northwind warehouse expansion" })).toBeVisible();
});

test("a visitor finds a contact by title and sees who they are and what happened with them", async ({ page }) => {
  await startWithoutTour(page);
  await nav(page).getByRole("link", { name: "Contacts" }).click();
  await expect(page.locator("[data-tour=contacts-list] tbody tr")).toHaveCount(11);
  const search = page.getByRole("searchbox", { name: "Search contacts" });
  await search.fill("cfo");
  await search.press("Enter");
  await expect(page.locator("[data-tour=contacts-list] tbody tr")).toHaveCount(1);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Thomas Hardy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thomas Hardy" })).toBeVisible();
  await expect(page.getByText("thomas@northwind.example")).toBeVisible();
  await expect(page.getByRole("link", { name: "Northwind Traders" })).toBeVisible();
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.getByRole("listitem")).toHaveCount(1);
  await expect(activity.getByRole("listitem")).toContainText("Pricing review with the CFO");
  await expect(activity.getByRole("link", { name: "Northwind annual renewal" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a visitor logs a call on a deal and sees it first in the history and on the contact", async ({ page }) => {
  await startWithoutTour(page);
  await page.getByRole("link", { name: "Northwind annual renewal" }).click();
  const form = page.locator("[data-tour=log-activity-form]");
  await expect(form.getByRole("radio", { name: "Call" })).toBeChecked();

  // Nothing said: the field says why, and nothing is written.
  await form.getByRole("button", { name: "Log activity" }).click();
  await expect(form.getByLabel("What happened")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Say in a few words what happened")).toBeVisible();
  await expectNoAxeViolations(page);

  await form.getByLabel("With").selectOption({ label: "Ana Trujillo" });
  await form.getByLabel("What happened").fill("Agreed the two-year option on the phone");
  await form.getByRole("button", { name: "Log activity" }).click();
  const history = page.getByTestId("deal-history").getByRole("listitem");
  await expect(history.first()).toContainText("Agreed the two-year option on the phone");
  await expect(history.first()).toContainText("Call");
  await expect(history.first()).toContainText("Ana Trujillo");
  await expect(form.getByRole("status")).toContainText("Logged");
  await expect(form.getByLabel("What happened")).toHaveValue("");
  await expectNoAxeViolations(page);
  await screenshot(page, "deal-with-activity-form");

  await page.reload();
  await expect(history.first()).toContainText("Agreed the two-year option on the phone");
  await page.getByRole("link", { name: "Ana Trujillo" }).click();
  // On the contact too, first: nothing the fixture says already happened lies ahead of now (storyShiftDays).
  await expect(page.getByRole("region", { name: "Activity" }).getByRole("listitem").first()).toContainText(
    "Agreed the two-year option on the phone",
  );
});

test("a tampered activity form gets a message, never an error page, and writes nothing", async ({ page }) => {
  const sandboxPath = await startWithoutTour(page);
  // Thomas Hardy works at Northwind; the deal below is Globex's.
  await page.goto(`${sandboxPath}/contacts?q=Thomas`);
  const thomasId = (await page.getByRole("link", { name: "Thomas Hardy" }).getAttribute("href"))?.split("/").pop() ?? "";
  expect(thomasId).toMatch(/^\d+$/);
  await page.goto(sandboxPath);
  await page.getByRole("link", { name: "Globex field-ops pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Globex field-ops pilot" })).toBeVisible();
  const form = page.locator("[data-tour=log-activity-form]");
  const history = page.getByTestId("deal-history").getByRole("listitem");
  const before = await history.count();
  expect(before).toBeGreaterThan(0);
  const summary = form.getByLabel("What happened");
  const submit = async () => {
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await form.getByRole("button", { name: "Log activity" }).click();
    expect((await answered).status()).toBeLessThan(500);
  };

  // 10 kB, past the field's own limit.
  await summary.evaluate((field) => field.removeAttribute("maxlength"));
  await summary.fill("x".repeat(10_240));
  await submit();
  await expect(form.getByText("Keep the summary under 500 characters")).toBeVisible();

  // A kind the form does not offer.
  await summary.fill("A note in disguise");
  await form.getByRole("radio", { name: "Call" }).evaluate((radio) => {
    (radio as HTMLInputElement).value = "note";
  });
  await submit();
  await expect(form.getByText("Choose call, email or meeting")).toBeVisible();

  // Someone from another company.
  await form.getByRole("radio", { name: "Email" }).check();
  await form.getByLabel("With").evaluate((select, id) => {
    (select as HTMLSelectElement).add(new Option("Thomas Hardy", id), null);
    (select as HTMLSelectElement).value = id;
  }, thomasId);
  await summary.fill("Wrong company");
  await submit();
  await expect(form.getByRole("alert")).toHaveText("Choose someone from this deal’s company, or no one");
  await expect(summary).toHaveValue("Wrong company");

  // A deal that is not there.
  await form.locator("input[name=dealId]").evaluate((input) => {
    (input as HTMLInputElement).value = "999999";
  });
  await form.getByLabel("With").selectOption({ label: "No one in particular" });
  await submit();
  await expect(form.getByRole("alert")).toHaveText(/That deal no longer exists/);

  await page.reload();
  await expect(history).toHaveCount(before);
});

test("on a 360 px phone the header is one row and every control is reachable by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await startWithoutTour(page);
  const header = page.locator(".product-header");
  const box = await header.boundingBox();
  expect(box?.height ?? 0).toBeLessThanOrEqual(64);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const menu = page.getByRole("button", { name: "Menu" });
  const talk = page.getByRole("button", { name: "Talk to a human" });
  // New deal stays out of the menu: the tour points at it whatever the width.
  const newDeal = page.locator("[data-tour=new-deal-button]");
  for (const control of [page.getByRole("link", { name: "Pipeline", exact: true }), menu, newDeal, talk]) {
    const controlBox = await control.boundingBox();
    expect(controlBox).not.toBeNull();
    expect((controlBox?.x ?? -1) >= 0 && (controlBox?.x ?? 0) + (controlBox?.width ?? 0) <= 360).toBe(true);
    // One row: every control sits inside the header's own height.
    expect(controlBox?.y ?? 0).toBeGreaterThanOrEqual(box?.y ?? 0);
    expect((controlBox?.y ?? 0) + (controlBox?.height ?? 0)).toBeLessThanOrEqual((box?.y ?? 0) + (box?.height ?? 0));
  }
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav(page).getByRole("link", { name: "Companies" })).toBeHidden();
  await screenshot(page, "header-360");

  // From the top of the page, Tab reaches the menu; Enter opens it; Tab walks through it; Escape closes it.
  await page.locator("body").focus();
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  for (let presses = 0; presses < 6 && (await focused()) !== "Menu"; presses++) await page.keyboard.press("Tab");
  expect(await focused()).toBe("Menu");
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const walked: string[] = [];
  const order = [
    "Deals board",
    "Companies",
    "Contacts",
    "Forecast",
    "Import",
    "Reset demo",
    "Invite a colleague",
    "New deal",
    "Talk to a human",
  ];
  for (const _ of order) {
    await page.keyboard.press("Tab");
    walked.push(await focused());
  }
  expect(walked).toEqual(order);
  await screenshot(page, "header-360-menu-open");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expectNoAxeViolations(page);

  // A link in the menu takes the visitor there, and the menu closes behind them.
  await menu.click();
  await nav(page).getByRole("link", { name: "Contacts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  expect((await header.boundingBox())?.height ?? 0).toBeLessThanOrEqual(64);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("at 320 and 360 px the header's brand and controls sit side by side, none under another", async ({ page }) => {
  await startWithoutTour(page);
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: 640 });
    const controls = [
      page.getByRole("link", { name: "Pipeline", exact: true }),
      page.getByRole("button", { name: "Menu" }),
      page.locator("[data-tour=new-deal-button]"),
      page.getByRole("button", { name: "Talk to a human" }),
    ];
    let right = 0;
    for (const control of controls) {
      const box = await control.boundingBox();
      expect(box, `${width} px`).not.toBeNull();
      expect(box?.x ?? -1, `${width} px: ${await control.textContent()} starts after the control before it`).toBeGreaterThanOrEqual(right);
      right = (box?.x ?? 0) + (box?.width ?? 0);
    }
    expect(right, `${width} px: the last control ends inside the screen`).toBeLessThanOrEqual(width);
    // The brand shows its whole name: its text is not wider than its own box.
    const logo = controls[0];
    expect(await logo?.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await screenshot(page, "header-320");
});

test("at 1280×800 the deals board shows all six columns whole, with no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await startWithoutTour(page);
  const columns = page.locator(".board-column");
  await expect(columns).toHaveCount(6);
  const viewportWidth = await page.evaluate(() => document.documentElement.clientWidth);
  for (const column of await columns.all()) {
    const box = await column.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(viewportWidth);
  }
  const board = page.locator("[data-tour=deals-board]");
  expect(await board.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  // The whole header is one row here too, with every link in sight.
  for (const name of ["Deals board", "Companies", "Contacts", "New deal"])
    await expect(nav(page).getByRole("link", { name })).toBeVisible();
  await screenshot(page, "board-1280");
});
