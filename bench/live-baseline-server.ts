// The ceiling for bench:live: a plain node:http SSE server with no framework, holding streams and fanning a
// posted message out to all of them after committing it to SQLite (WAL, FULL) — what one Node process can do
// here at best, to compare Openhouse's front-door streams against in the same run.
import http from "node:http";
import Database from "better-sqlite3";

const [port = "3196", file = "/tmp/openhouse-live-ceiling.sqlite"] = process.argv.slice(2);
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = FULL");
sqlite.exec("create table if not exists messages (id integer primary key autoincrement, body text not null)");
const insert = sqlite.prepare("insert into messages (body) values (?)");
const streams = new Set<http.ServerResponse>();

http
  .createServer((request, response) => {
    if (request.method === "GET") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" });
      response.write("retry: 3000\n\n");
      streams.add(response);
      request.on("close", () => streams.delete(response));
      return;
    }
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => {
      const id = insert.run(body).lastInsertRowid;
      const frame = `id: ${id}\nevent: message\ndata: ${body}\n\n`;
      for (const stream of streams) stream.write(frame);
      response.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}');
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`ready on ${port}`));
