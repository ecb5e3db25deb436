// Adds the test rep through `npm run team`, exactly as an admin would, into the e2e data directory.
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { admin, rep } from "./team";

function addMember(member: { email: string; password: string }, name: string): void {
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
      member.email,
      "--password",
      member.password,
      "--name",
      name,
    ],
    {
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
      stdio: "inherit",
    },
  );
}

export default function globalSetup(): void {
  addMember(rep, "Riley Rep");
  addMember(admin, "Ada Admin");
  const control = new Database(path.join(process.env.E2E_DATA_DIR ?? "", "control.sqlite"));
  try {
    control.prepare("update user set role = 'admin' where email = ?").run(admin.email);
    control.prepare("update user set role = 'rep' where email = ?").run(rep.email);
  } finally {
    control.close();
  }
}
