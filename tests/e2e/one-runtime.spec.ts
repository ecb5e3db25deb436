// One copy of every stateful thing per server process: after a visitor has used every layer Next evaluates
// separately (a page, a route handler, a Server Action, the lean signals path) and a rep has used the APIs,
// the server holds the control database open once (besides its WAL checkpointer) and the visitor's sandbox once.
import path from "node:path";
import { expect, test } from "./fixtures";
import { createDeal, openAsRep, startDemo } from "./helpers";
import { openCount, serverPid } from "./server-process";

test("npm start holds one control connection and one connection per sandbox, whatever layer used them", async ({
  page,
  browser,
  server,
}) => {
  const sandboxPath = await startDemo(page); // the gallery page, then /try (a route handler)
  const sandboxId = sandboxPath.split("/").pop() ?? "";
  await createDeal(page, { title: "One runtime renewal", company: "Initech", amount: "12000" }); // a Server Action
  await expect(page.getByText("One runtime renewal").first()).toBeVisible();
  await page.goto(`${sandboxPath}/deals/new`); // another page, another layer
  const { page: repPage, context } = await openAsRep(browser, "/sales");
  expect((await repPage.request.get("/api/sales/visitors")).status()).toBe(200);
  // The lean signals path, from the visitor's own browser session.
  const events = await page.request.post("/api/signals", {
    data: { events: [{ id: "01935f3e-0000-7000-8000-000000000001", type: "demo.viewed", at: Date.now() }] },
  });
  expect(events.status()).toBe(202);
  await context.close();

  const pid = serverPid(server.port);
  // On PostgreSQL (DATABASE_URL) the control plane is not a file at all. On SQLite: the one connection every layer
  // shares, and the WAL checkpointer's on its own thread (db/dialects/sqlite/checkpointer.ts) — a second runtime
  // would add a third.
  expect(openCount(pid, path.join(server.dataDir, "control.sqlite"))).toBe(server.databaseUrl ? 0 : 2);
  expect(openCount(pid, path.join(server.dataDir, "sandboxes", `${sandboxId}.sqlite`))).toBe(1);
});
