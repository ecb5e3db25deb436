// The few specs that check what the server stored, or set up what another issue's pages would, reach the worker
// server's control database directly: control.sqlite in its data directory, or its PostgreSQL database. The SQL
// is written once for both (`?` placeholders, statements both dialects read alike).
import path from "node:path";
import Database from "better-sqlite3";
import postgres from "postgres";
import type { WorkerServer } from "./worker-server";

export async function controlQuery<Row>(
  server: Pick<WorkerServer, "dataDir" | "databaseUrl">,
  text: string,
  params: (string | number | null)[] = [],
): Promise<Row[]> {
  if (server.databaseUrl) {
    const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      let index = 0;
      return (await sql.unsafe(
        text.replace(/\?/g, () => `$${++index}`),
        params,
      )) as unknown as Row[];
    } finally {
      await sql.end();
    }
  }
  const sqlite = new Database(path.join(server.dataDir, "control.sqlite"), { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    const statement = sqlite.prepare(text);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  } finally {
    sqlite.close();
  }
}
