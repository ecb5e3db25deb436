// The two databases' schemas cannot drift: PostgreSQL's tables are derived from the one definition
// (db/dialects/postgres/schema.ts), and each dialect's committed migrations end exactly at that definition — a
// change to db/control/schema.ts without `npm run db:generate` fails here, for SQLite and for PostgreSQL alike.
import fs from "node:fs";
import path from "node:path";
import { generateDrizzleJson, generateMigration, generateSQLiteDrizzleJson, generateSQLiteMigration } from "drizzle-kit/api";
import { getTableColumns, is } from "drizzle-orm";
import { getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { SQLiteTable, getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as definition from "@/db/control/schema";
import * as postgresSchema from "@/db/dialects/postgres/schema";

function latestSnapshot(folder: string) {
  const meta = path.join(process.cwd(), folder, "meta");
  const newest = fs
    .readdirSync(meta)
    .filter((name) => name.endsWith("_snapshot.json"))
    .sort()
    .at(-1);
  if (!newest) throw new Error(`no snapshot in ${meta}`);
  return JSON.parse(fs.readFileSync(path.join(meta, newest), "utf8"));
}

const sqliteTables = (Object.values(definition) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));

describe("the control plane's schemas", () => {
  it("SQLite's migrations end at the definition", async () => {
    const current = await generateSQLiteDrizzleJson(definition as Record<string, unknown>);
    expect(await generateSQLiteMigration(latestSnapshot("db/control/migrations"), current)).toEqual([]);
  });

  it("PostgreSQL's migrations end at the tables derived from it", async () => {
    const current = generateDrizzleJson(postgresSchema as Record<string, unknown>);
    expect(await generateMigration(latestSnapshot("db/control/migrations-postgres"), current)).toEqual([]);
  });

  it("PostgreSQL has every table, column, key and index of the definition, with the same nullability", () => {
    const derived = new Map(Object.values(postgresSchema.tables).map((table) => [pgTableConfig(table).name, pgTableConfig(table)]));
    // drizzle-kit reads the tables from the module's named exports: none may be left out of that list.
    const exported = Object.keys(postgresSchema).filter((name) => name !== "tables");
    expect(exported.sort()).toEqual(Object.keys(postgresSchema.tables).sort());
    for (const table of sqliteTables) {
      const sqlite = sqliteTableConfig(table);
      const pg = derived.get(sqlite.name);
      expect(pg, sqlite.name).toBeDefined();
      if (!pg) continue;
      const pgColumns = new Map(pg.columns.map((column) => [column.name, column]));
      for (const column of Object.values(getTableColumns(table))) {
        const twin = pgColumns.get(column.name);
        expect(twin, `${sqlite.name}.${column.name}`).toBeDefined();
        expect(twin?.notNull, `${sqlite.name}.${column.name} nullability`).toBe(column.notNull);
        expect(twin?.primary, `${sqlite.name}.${column.name} primary key`).toBe(column.primary);
        expect(twin?.hasDefault, `${sqlite.name}.${column.name} default`).toBe(column.hasDefault);
      }
      const names = (indexes: { config: { name?: string; unique: boolean } }[]) =>
        indexes.map((index) => `${index.config.name}${index.config.unique ? " (unique)" : ""}`).sort();
      const extra = sqlite.name === "events" ? ["events_commit_order"] : [];
      expect(
        names(pg.indexes).filter((name) => !extra.includes(name)),
        `${sqlite.name} indexes`,
      ).toEqual(names(sqlite.indexes));
      expect(pg.foreignKeys.map((key) => key.getName()).sort(), `${sqlite.name} foreign keys`).toEqual(
        sqlite.foreignKeys.map((key) => key.getName()).sort(),
      );
    }
  });
});
