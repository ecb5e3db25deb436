// import-and-clean-up, the decision demo, end to end: a navigate step to the import, the sample file with
// broken rows uploaded by keyboard, its row errors by line, a wait-for-action step that moves on only when the
// contacts are really imported, a reload mid-tour that resumes at the same step, the people found on the
// contacts page, the CTA; a broken file gets a clear message and the tour keeps waiting; a 360×640 run.
import path from "node:path";
import {
  expectPopoverInViewport,
  expectReachableAboveSheet,
  expectStep,
  popover,
  pressByKeyboard,
  pressTourButton,
  tabTo,
  tryDemo,
} from "./demo-tour";
import { expect, test } from "./fixtures";

const sampleFile = path.resolve("demos/import-and-clean-up/contacts-to-clean.csv");

// A whole demo walked with axe at every step: the longest tests of the suite, slower still beside other workers.
test.describe.configure({ timeout: 300_000 });

test("the whole import by keyboard alone, with axe on every step", async ({ page }) => {
  const sandbox = await tryDemo(page, "Import and clean up");
  await expectStep(page, "Bring your contacts in, cleanly");
  await pressTourButton(page, "Start");
  await expectStep(page, "Open the import");
  await pressTourButton(page, "Go to Import contacts");
  await page.waitForURL(`**${sandbox}/import`);
  await expectStep(page, "Upload a messy file");
  // The step's own link is the file it talks about.
  await expect(popover(page).getByRole("link", { name: "contacts-to-clean.csv" })).toHaveAttribute(
    "href",
    "/samples/contacts-to-clean.csv",
  );

  // A file input opens its chooser from the keyboard (Space), like a button.
  await tabTo(page, page.getByLabel("CSV file"));
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(sampleFile);
  await pressByKeyboard(page, page.getByRole("button", { name: "Upload and match columns" }));
  await expect(page.locator("[data-tour=import-mapping]")).toBeVisible();
  await pressTourButton(page, "Next");
  await expectStep(page, "Match the columns");

  // A reload mid-tour resumes at the same step, and the upload waits on the server.
  await page.reload();
  await expectStep(page, "Match the columns", { axe: false });
  await pressByKeyboard(page, page.getByRole("button", { name: "Check the rows" }));
  await expect(page.getByTestId("import-problems").getByRole("listitem")).toHaveText([
    "line 5: email “ruth@brightline” is not an address",
    "line 6: name is empty",
    "line 7: email “thomas@northwind.example” is already a contact in this workspace",
  ]);
  await pressTourButton(page, "Next");
  await expectStep(page, "Every problem, by line");
  await pressTourButton(page, "Next");
  await expectStep(page, "Import the good rows");
  await expect(popover(page)).toContainText("Step 6 of 9");
  await pressByKeyboard(page, page.getByRole("button", { name: "Import 5 contacts" }));
  await expect(page.getByTestId("import-result")).toHaveText("Imported 5 contacts from contacts-to-clean.csv");
  await expectStep(page, "Find the people you imported");
  await pressTourButton(page, "Go to Contacts");
  await page.waitForURL(`**${sandbox}/contacts`);
  await expectStep(page, "Search them out");
  await tabTo(page, page.getByLabel("Search contacts"));
  await page.keyboard.type("Lumen");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Hana Sato" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Nia Roberts" })).toBeVisible();
  await expectStep(page, "Search them out");
  await pressTourButton(page, "Next");
  await expectStep(page, "Bring your real list");
  await expect(popover(page).getByRole("link", { name: /Plan your migration with us/ })).toBeVisible();
  await pressTourButton(page, "Keep exploring");
  await expect(page.getByTestId("tour-resume")).toHaveText("Restart tour");
});

test("a broken file gets a clear message and the tour keeps waiting for a real import, at 360×640", async ({ page }) => {
  const serverErrors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
  await page.setViewportSize({ width: 360, height: 640 });
  const sandbox = await tryDemo(page, "Import and clean up");
  await expectStep(page, "Bring your contacts in, cleanly");
  await expectPopoverInViewport(page);
  await popover(page).getByRole("button", { name: "Start" }).click();
  await popover(page).getByRole("button", { name: "Go to Import contacts" }).click();
  await page.waitForURL(`**${sandbox}/import`);
  await expectStep(page, "Upload a messy file");
  await expectPopoverInViewport(page);
  for (let presses = 0; presses < 3; presses++) await popover(page).getByRole("button", { name: "Next" }).click();
  await expectStep(page, "Import the good rows");

  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "quotes.csv", mimeType: "text/csv", buffer: Buffer.from('Name,Company\nAna,Acme\n"Bo,Acme\n') });
  // The form's button is under the sheet until the page is scrolled: the sheet leaves room for that even
  // while the step's target is not on the page yet (a click that only worked from the keyboard, once).
  await expectReachableAboveSheet(page, page.getByRole("button", { name: "Upload and match columns" }));
  await page.getByRole("button", { name: "Upload and match columns" }).click();
  await expect(page.locator("#contacts-file-error")).toContainText("line 3: a quoted cell starts here and is never closed");
  await expectStep(page, "Import the good rows");
  await expectPopoverInViewport(page);

  // A late target: the step is up before its button exists, says what it looks for, and goes to the button
  // when the visitor's own upload brings it, keeping it above the sheet.
  await expect(page.getByTestId("tour-looking")).toContainText("Import 5 contacts");
  await page.getByLabel("CSV file").setInputFiles(sampleFile);
  await page.getByRole("button", { name: "Upload and match columns" }).click();
  await page.getByRole("button", { name: "Check the rows" }).click();
  await expect(page.getByTestId("tour-looking")).toBeHidden();
  await expect(page.getByTestId("tour-target-missing")).toBeHidden();
  await expectReachableAboveSheet(page, page.getByRole("button", { name: "Import 5 contacts" }), { scrollToEnd: false });
  await page.getByRole("button", { name: "Import 5 contacts" }).click();
  await expectStep(page, "Find the people you imported");
  expect(serverErrors).toEqual([]);
});
