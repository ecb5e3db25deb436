// /privacy says what this server does: where its rate limits keep a client's hash, and which cookies a visitor
// gets, which differ between embedded SQLite (one process) and PostgreSQL (a site that may run on several servers).
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

test("the privacy page says where this server keeps rate limits and which cookies it sets", async ({ page, server }) => {
  await page.goto("/privacy");
  const never = page.getByRole("listitem").filter({ hasText: "Your IP address" });
  if (server.databaseUrl) {
    await expect(never).toContainText("never the address");
    await expect(never).toContainText("in this site’s database, for at most two hours after your last request");
    await expect(page.getByRole("listitem").filter({ hasText: "oh_node" })).toContainText("names the server that holds your demo copy");
  } else {
    await expect(never).toHaveText("Your IP address. Rate limits use a salted hash of it, kept only in memory.");
    await expect(page.getByText("oh_node")).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});
