// A sandbox's life as a visitor sees it: personalised on arrival, reset on request, resumed after a
// browser restart, and replaced with a note when it was evicted — while strangers still find nothing.
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect, test, type WorkerServer } from "./fixtures";
import { startDemo } from "./helpers";

async function closeTour(page: Page): Promise<void> {
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
}

async function createDeal(page: Page, title: string): Promise<void> {
  await page.locator("[data-tour=new-deal-button]").click();
  await page.getByLabel("Deal name").fill(title);
  await page.getByLabel("Company").selectOption({ label: "Initech" });
  await page.getByLabel("Amount (USD)").fill("4321");
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

function sandboxGc(server: WorkerServer, ...args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/sandbox-gc.ts", ...args], {
    env: server.env,
    encoding: "utf8",
  });
}

test("Reset demo asks first, then restores the board and restarts the tour under the same address", async ({ page }) => {
  const path = await startDemo(page);
  await closeTour(page);
  const originalTotal = await page.getByTestId("open-total").textContent();
  await createDeal(page, "Reset me away");
  await page.getByRole("link", { name: "Deals board", exact: true }).click();
  await expect(page.getByRole("link", { name: "Reset me away" })).toBeVisible();

  await page.getByRole("button", { name: "Reset demo" }).click();
  const confirm = page.getByRole("group", { name: /Reset this demo\?/ });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("link", { name: "Reset me away" })).toBeVisible();

  await page.getByRole("button", { name: "Reset demo" }).click();
  await confirm.getByRole("button", { name: "Yes, reset" }).click();
  await expect(page.getByRole("link", { name: "Reset me away" })).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe(path);
  await expect(page.getByTestId("open-total")).toHaveText(originalTotal ?? "");
  await expect(page.getByTestId("tour-popover")).toBeVisible();
});

test("a personalised link names the workspace, and the visitor finds their work after a browser restart", async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto("/try/pipeline-basics?company=Globex%20Corp&persona=leader");
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
  const path = new URL(page.url()).pathname;
  await expect(page.locator(".product-workspace")).toHaveText("Globex Corp");
  await closeTour(page);
  await createDeal(page, "Survives a restart");
  const saved = await first.storageState();
  await first.close();

  const restarted = await browser.newContext({ storageState: saved });
  const again = await restarted.newPage();
  await again.goto("/try/pipeline-basics");
  await expect(again).toHaveURL(new RegExp(`${path}$`));
  await expect(again.getByRole("link", { name: "Survives a restart" })).toBeVisible();
  await expect(again.locator(".product-workspace")).toHaveText("Globex Corp");
  await restarted.close();
});

test("an evicted sandbox sends its owner to a fresh one with a note, and stays not-found for others", async ({ page, browser, server }) => {
  const path = await startDemo(page);
  const sandboxId = path.split("/").pop() ?? "";
  expect(sandboxGc(server, "--evict", sandboxId)).toContain(`Evicted sandbox ${sandboxId}`);

  await page.goto(path);
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22}\?renewed=evicted$/);
  expect(new URL(page.url()).pathname).not.toBe(path);
  const note = page.getByRole("status").filter({ hasText: "Your earlier demo copy was cleared" });
  await expect(note).toBeVisible();
  await expect(page.locator("[data-tour=deals-board]")).toBeVisible();
  await note.getByRole("button", { name: "Dismiss" }).click();
  await expect(note).toHaveCount(0);
  expect(new URL(page.url()).search).toBe("");

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(path);
  expect(response?.status()).toBe(404);
  await stranger.close();
});
