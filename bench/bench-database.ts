// Which control plane a bench runs the product on: embedded SQLite (the default), or PostgreSQL with
// `--database postgres` — a throwaway server started here, or DATABASE_URL's server, on which only
// openhouse_test_<run>_… databases are made and dropped. A bench asks for one fresh control database per
// product server it starts, gives the server `env`, and reads what was stored through `query`.
//
//   const database = await benchDatabase();          // reads --database from the command line
//   const control = await database.fresh("product", dataDir);
//   await startServer({ ...control.env, DATA_DIR: dataDir });
//   const [{ n }] = await control.query<{ n: number }>("select count(*) as n from events");
//   await control.close(); await database.stop();
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import postgres from "postgres";
import { type PostgresServer, startPostgres } from "../scripts/postgres/postgres";

export type BenchDialect = "sqlite" | "postgres";

export type ControlDatabase = {
  /** What a product server needs to use this database (DATABASE_URL on PostgreSQL; nothing on SQLite). */
  env: Record<string, string>;
  /** PostgreSQL's URL; undefined on SQLite. */
  url: string | undefined;
  /** Plain SQL both dialects read alike; `?` placeholders. Reads return rows, writes an empty list. */
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
};

export type BenchDatabase = {
  kind: BenchDialect;
  /** "SQLite" or "PostgreSQL 15", for the printed tables. */
  label: string;
  /** The PostgreSQL server's admin URL (for a raw ceiling's own database); undefined on SQLite. */
  server: PostgresServer | undefined;
  /** A new, empty control database; on SQLite the file `control.sqlite` the server makes under `dataDir`. */
  fresh(name: string, dataDir: string): Promise<ControlDatabase>;
  stop(): Promise<void>;
};

/** `--database sqlite|postgres` from argv (other options are left to the bench). */
export function benchDialect(argv = process.argv.slice(2)): BenchDialect {
  const { values } = parseArgs({ args: argv, options: { database: { type: "string" } }, strict: false });
  const value = values.database ?? process.env.BENCH_DATABASE ?? "sqlite";
  if (value !== "sqlite" && value !== "postgres") throw new Error(`--database must be sqlite or postgres, not ${String(value)}`);
  return value;
}

export async function benchDatabase(kind = benchDialect()): Promise<BenchDatabase> {
  if (kind === "sqlite") {
    // A DATABASE_URL in the shell must not send the product to another database than the one measured.
    delete process.env.DATABASE_URL;
    return {
      kind,
      label: "SQLite",
      server: undefined,
      async fresh(_name, dataDir) {
        return sqliteControl(path.join(dataDir, "control.sqlite"));
      },
      async stop() {},
    };
  }
  const existing = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const server = await startPostgres({ existingUrl: existing, log: (line) => console.error(`bench: ${line}`) });
  const version = await withClient(
    server.url,
    async (sql) => (await sql<{ v: string }[]>`select current_setting('server_version') as v`)[0]?.v ?? "",
  );
  return {
    kind,
    label: `PostgreSQL ${version.split(" ")[0]}`,
    server,
    async fresh(name) {
      const url = await server.createDatabase(`bench_${name}`);
      const sql = postgres(url, { max: 2, onnotice: () => {} });
      return {
        env: { DATABASE_URL: url },
        url,
        async query<Row>(text: string, params: unknown[] = []) {
          let n = 0;
          const numbered = text.replace(/\?/g, () => `$${++n}`);
          return (await sql.unsafe(numbered, params as postgres.ParameterOrJSON<never>[])) as unknown as Row[];
        },
        close: () => sql.end({ timeout: 5 }),
      };
    },
    stop: () => server.stop(),
  };
}

function sqliteControl(file: string): ControlDatabase {
  let sqlite: Database.Database | undefined;
  // Opened on first use: the server creates the file when it migrates.
  const open = () => {
    sqlite ??= new Database(file);
    return sqlite;
  };
  return {
    env: {},
    url: undefined,
    async query<Row>(text: string, params: unknown[] = []) {
      const statement = open().prepare(text);
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    },
    async close() {
      sqlite?.close();
    },
  };
}

async function withClient<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
