// Reference servers for bench:signals, run as their own process like the product:
//   ceiling     — plain node:http + better-sqlite3 (WAL, synchronous=FULL) inserting each batch in one
//                 transaction: the most a Node process can ingest durably here, with no framework at all.
//   pg-ceiling  — plain node:http + postgres.js, one multi-row INSERT … ON CONFLICT DO NOTHING per request on
//                 a pool as large as the product's (synchronous_commit on: a 202 means committed).
//   no-write    — the same server answering 202 after parsing, without touching a disk.
import http from "node:http";
import Database from "better-sqlite3";
import postgres from "postgres";

type Event = { id: string; type: string; at: number; demo?: string };
const [mode = "ceiling", port = "3197", target = "/tmp/openhouse-ceiling.sqlite"] = process.argv.slice(2);

async function sqliteWriter(): Promise<(events: Event[]) => Promise<void>> {
  const sqlite = new Database(target);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.exec("create table if not exists events (id text primary key, type text not null, at integer not null, demo text)");
  const insert = sqlite.prepare("insert into events (id, type, at, demo) values (?, ?, ?, ?) on conflict(id) do nothing");
  const insertAll = sqlite.transaction((events: Event[]) => {
    for (const event of events) insert.run(event.id, event.type, event.at, event.demo ?? null);
  });
  return async (events) => insertAll(events);
}

async function postgresWriter(): Promise<(events: Event[]) => Promise<void>> {
  const sql = postgres(target, { max: Number(process.env.DATABASE_POOL_SIZE || 10), onnotice: () => {} });
  await sql`create table if not exists events (id text primary key, type text not null, at bigint not null, demo text)`;
  return async (events) => {
    const rows = events.map((event) => ({ id: event.id, type: event.type, at: event.at, demo: event.demo ?? null }));
    await sql`insert into events ${sql(rows, "id", "type", "at", "demo")} on conflict (id) do nothing`;
  };
}

const write = mode === "ceiling" ? await sqliteWriter() : mode === "pg-ceiling" ? await postgresWriter() : undefined;

http
  .createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const batch = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { events: Event[] };
      const answer = () => {
        response.writeHead(202, { "content-type": "application/json" });
        response.end(JSON.stringify({ stored: batch.events.length }));
      };
      if (!write) return answer();
      write(batch.events).then(answer, (error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`ready ${mode} on ${port}`));
