// Adds the test rep through `npm run team`, exactly as an admin would, into the e2e data directory.
import { execFileSync } from "node:child_process";
import { rep } from "./team";

export default function globalSetup(): void {
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/server-only.mjs",
      "scripts/team.ts",
      "add",
      "--email",
      rep.email,
      "--password",
      rep.password,
      "--name",
      "Riley Rep",
    ],
    {
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
      stdio: "inherit",
    },
  );
}
