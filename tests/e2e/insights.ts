// Small steps the insights specs share: a signal the tour sends, and an account written the way a share
// link would leave it (the share-link pages are another issue's; here the account is written directly).
import type { Page } from "@playwright/test";
import { v7 as uuidv7 } from "uuid";
import { controlQuery } from "./control-database";
import type { WorkerServer } from "./worker-server";

/** Sends one tour signal from the prospect's own browser, as components/tour does, through /api/signals. */
export async function sendTourSignal(
  page: Page,
  sandboxPath: string,
  event: { type: string; step?: string; props?: Record<string, string> },
) {
  const response = await page.request.post("/api/signals", {
    data: { sandbox: sandboxPath.split("/").pop(), events: [{ id: uuidv7(), at: Date.now(), demo: "pipeline-basics", ...event }] },
  });
  if (!response.ok()) throw new Error(`signals answered ${response.status()}: ${await response.text()}`);
}

/** Ties a visitor to an account, as opening that account's share link does. */
export async function attributeToAccount(server: WorkerServer, visitorId: string, account: { id: string; name: string }): Promise<void> {
  await controlQuery(server, "insert into accounts (id, name) values (?, ?) on conflict do nothing", [account.id, account.name]);
  await controlQuery(server, "update visitors set account_id = ? where id = ?", [account.id, visitorId]);
}
