// Small steps the insights specs share: a signal the tour sends, and an account written the way a share
// link would leave it (the share-link pages are another issue's; here the account is written directly).
import path from "node:path";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { v7 as uuidv7 } from "uuid";

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
export function attributeToAccount(visitorId: string, account: { id: string; name: string }): void {
  const sqlite = new Database(path.join(process.env.E2E_DATA_DIR ?? "", "control.sqlite"));
  try {
    sqlite.pragma("busy_timeout = 5000");
    sqlite.prepare("insert or ignore into accounts (id, name) values (?, ?)").run(account.id, account.name);
    sqlite.prepare("update visitors set account_id = ? where id = ?").run(account.id, visitorId);
  } finally {
    sqlite.close();
  }
}
