// Reference servers for bench:signals, run as their own process like the product:
//   ceiling  — plain node:http + better-sqlite3 (WAL, synchronous=FULL) inserting each batch in one
//              transaction: the most a Node process can ingest durably here, with no framework at all.
//   no-write — the same server answering 202 after parsing, without touching a disk.
import http from "node:http";
import Database from "better-sqlite3";

const [mode = "ceiling", port = "3197", file = "/tmp/openhouse-ceiling.sqlite"] = process.argv.slice(2);
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = FULL");
sqlite.exec("create table if not exists events (id text primary key, type text not null, at integer not null, demo text)");
const insert = sqlite.prepare("insert into events (id, type, at, demo) values (?, ?, ?, ?) on conflict(id) do nothing");
const insertAll = sqlite.transaction((events: { id: string; type: string; at: number; demo?: string }[]) => {
  for (const event of events) insert.run(event.id, event.type, event.at, event.demo ?? null);
});

http
  .createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const batch = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { events: { id: string; type: string; at: number }[] };
      if (mode === "ceiling") insertAll(batch.events);
      response.writeHead(202, { "content-type": "application/json" });
      response.end(JSON.stringify({ stored: batch.events.length }));
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`ready ${mode} on ${port}`));
