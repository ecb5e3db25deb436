// The control plane this process uses, chosen once from its settings: PostgreSQL when DATABASE_URL is set,
// embedded SQLite under DATA_DIR otherwise. It lives in the runtime (one per process, opened on first use:
// `next build` imports route modules before any data directory exists). Nothing else opens it.
import "server-only";
import path from "node:path";
import { runtime } from "@/lib/runtime/runtime";
import { openPostgresStore } from "./dialects/postgres/store";
import { openSqliteStore } from "./dialects/sqlite/store";
import type { ControlStore, Store } from "./store";

/** Migration folders resolve from the project root, which `npm start` and the tests run in. */
export const migrationsFolder = {
  sqlite: () => path.join(process.cwd(), "db/control/migrations"),
  postgres: () => path.join(process.cwd(), "db/control/migrations-postgres"),
  sandbox: () => path.join(process.cwd(), "db/sandbox/migrations"),
};

/**
 * Opens a control-plane store of its own on this process's settings: another set of connections to the same
 * database, as a second app node has (tests of what two nodes do at once). The caller closes it.
 */
export function openControlStore(): ControlStore {
  const { config, paths } = runtime();
  if (config.databaseUrl) {
    return openPostgresStore({ url: config.databaseUrl, poolSize: config.databasePoolSize, migrationsFolder: migrationsFolder.postgres() });
  }
  return openSqliteStore(paths.control, { migrationsFolder: migrationsFolder.sqlite() });
}

function controlStore(): ControlStore {
  const { control } = runtime();
  control.store ??= openControlStore();
  return control.store;
}

/** The control plane: every query module runs its queries through it (or through a transaction's `tx`). */
export function store(): Store {
  return controlStore();
}

/** The database handle for better-auth's drizzle adapter (lib/auth/auth.ts), and its dialect. */
export function adapterDatabase(): ControlStore["adapterDatabase"] {
  return controlStore().adapterDatabase;
}

/** What app nodes sharing this database use to coordinate (PostgreSQL); undefined on SQLite, one node. */
export function clusterLink(): ControlStore["cluster"] {
  return controlStore().cluster;
}

/** The database's own upkeep in a serving process (SQLite's WAL checkpoints); returns its stop. */
export function startDatabaseUpkeep(): () => void | Promise<void> {
  return controlStore().startUpkeep();
}

/** Applies pending migrations (at start-up, and in CLIs before they touch anything). */
export function migrateControlPlane(): Promise<void> {
  return controlStore().migrate();
}

/** Closes the control plane's connections (tests, CLIs); the next store() opens them again. */
export function closeControlPlane(): Promise<void> {
  const { control } = runtime();
  const opened = control.store;
  control.store = undefined;
  return opened ? opened.close() : Promise.resolve();
}
