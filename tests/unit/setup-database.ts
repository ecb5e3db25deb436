// Each test file's control database. On SQLite (the default) that is control.sqlite in the file's DATA_DIR, and
// nothing may point the app at a server: a DATABASE_URL from the developer's shell is removed. When the run uses
// PostgreSQL (TEST_POSTGRES_URL, see tests/unit/postgres-run.ts), the file gets a fresh database of its own on
// that server, in DATABASE_URL before any app module loads, dropped after the file.
import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase, randomId, testDatabaseName } from "../../scripts/postgres/databases";

const server = process.env.TEST_POSTGRES_URL;
delete process.env.DATABASE_URL;

if (server) {
  const name = testDatabaseName(inject("postgresRun"), `${process.pid}_${randomId(4)}`);
  process.env.DATABASE_URL = await createDatabase(server, name);
  afterAll(async () => {
    await dropDatabase(server, name);
  });
}
