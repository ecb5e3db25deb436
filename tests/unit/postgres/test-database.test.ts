import postgres from "postgres";
import { describe, expect, it } from "vitest";

describe("a test file's database", () => {
  it("is a fresh PostgreSQL database of its own in DATABASE_URL when the run uses PostgreSQL, and absent on SQLite", async () => {
    const server = process.env.TEST_POSTGRES_URL;
    if (!server) {
      expect(process.env.DATABASE_URL).toBeUndefined();
      return;
    }
    const url = new URL(process.env.DATABASE_URL ?? "");
    expect(url.host).toBe(new URL(server).host);
    expect(url.pathname).toMatch(/^\/openhouse_test_[a-z0-9]{8}_\d+_[a-z0-9]{4}$/);
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ name: string; tables: number }[]>`
        select current_database() as name, (select count(*) from pg_tables where schemaname = 'public')::int as tables`;
      expect(row).toEqual({ name: url.pathname.slice(1), tables: 0 });
    } finally {
      await sql.end();
    }
  });
});
