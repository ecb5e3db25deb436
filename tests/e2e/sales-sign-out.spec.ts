// A rep can sign out from any workspace page, and the session is over: not hidden, ended on the server.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signInAsRep } from "./helpers";

test("signing out ends the session: the workspace and its API refuse the old cookie", async ({ browser }) => {
  // A session of its own: the suite's shared rep session (helpers.openAsRep) must outlive this test.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsRep(page);
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"));
  expect(session).toBeDefined();
  await expectNoAxeViolations(page, ".sales-header");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sales\/sign-in$/);
  await page.goto("/sales");
  await expect(page).toHaveURL(/\/sales\/sign-in/);

  // The old cookie, replayed by anyone who copied it, no longer opens anything.
  const replay = await page.request.get("/api/sales/visitors", { headers: { cookie: `${session?.name}=${session?.value}` } });
  expect(replay.status()).toBe(401);
  await context.close();
});
