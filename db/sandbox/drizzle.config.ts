import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/sandbox/schema.ts",
  out: "./db/sandbox/migrations",
});
