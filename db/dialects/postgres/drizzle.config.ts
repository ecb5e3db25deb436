import { defineConfig } from "drizzle-kit";

// The PostgreSQL migrations, generated from the tables derived in ./schema.ts (npm run db:generate).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/dialects/postgres/schema.ts",
  out: "./db/control/migrations-postgres",
});
