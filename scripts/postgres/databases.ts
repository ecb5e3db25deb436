// Creating and dropping databases on a PostgreSQL server, given a URL that may create them (its "admin URL").
// Names are checked, so a database is only ever made or dropped by the exact name this code chose.
import crypto from "node:crypto";
import postgres from "postgres";

const plainName = /^[a-z_][a-z0-9_]{0,62}$/;
/** Every database a test run makes starts with this, then the run's random id: a run drops only its own. */
export const testDatabasePrefix = "openhouse_test_";

function checkName(name: string): string {
  if (!plainName.test(name)) throw new Error(`"${name}" is not a database name we make (lowercase letters, digits, _; at most 63)`);
  return name;
}

/** A short random id for a run, a worker or a test file: lowercase letters and digits. */
export function randomId(length = 8): string {
  return Array.from(crypto.randomBytes(length), (byte) => "abcdefghijklmnopqrstuvwxyz0123456789"[byte % 36]).join("");
}

/** `openhouse_test_<run>_<label>`: the name of one of a test run's databases. */
export function testDatabaseName(run: string, label: string): string {
  return checkName(
    `${testDatabasePrefix}${run}_${label}`
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, "_")
      .slice(0, 63),
  );
}

/** The same server and credentials, another database. */
export function urlOfDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${checkName(name)}`;
  return url.toString();
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}

async function asAdmin<T>(adminUrl: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 15 });
  try {
    return await work(sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "42501") {
      throw new Error(`${redactUrl(adminUrl)} may not create or drop databases: grant its role CREATEDB, or use another server`);
    }
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates an empty database (UTF8, from template0) and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await asAdmin(adminUrl, (sql) => sql.unsafe(`create database "${checkName(name)}" template template0 encoding 'UTF8'`));
  return urlOfDatabase(adminUrl, name);
}

/** Drops the database, ending whatever sessions are still connected to it (PostgreSQL ≥ 13). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await asAdmin(adminUrl, (sql) => sql.unsafe(`drop database if exists "${checkName(name)}" with (force)`));
}

/** The databases whose names start with `prefix`, e.g. one run's leftovers. */
export async function databasesStartingWith(adminUrl: string, prefix: string): Promise<string[]> {
  const rows = await asAdmin(
    adminUrl,
    (sql) => sql<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${prefix})`,
  );
  return rows.map((row) => row.datname);
}

/** Drops every database of one test run (`openhouse_test_<run>_…`): what a crashed test file or worker left. */
export async function dropTestRunDatabases(adminUrl: string, run: string): Promise<string[]> {
  if (!/^[a-z0-9]{1,20}$/.test(run)) throw new Error(`"${run}" is not a run id (randomId() makes them)`);
  const names = await databasesStartingWith(adminUrl, `${testDatabasePrefix}${run}_`);
  for (const name of names) await dropDatabase(adminUrl, name);
  return names;
}
