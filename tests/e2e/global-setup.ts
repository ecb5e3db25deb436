// Adds the test team through `npm run team`, exactly as an admin would, into the e2e data directory.
import { execFileSync } from "node:child_process";
import { admin, marketer, rep } from "./team";

function addMember(member: { email: string; password: string; name: string }, role: string): void {
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
      member.name,
      "--role",
      role,
    ],
    { env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR }, stdio: "inherit" },
  );
}

export default function globalSetup(): void {
  addMember(admin, "admin");
  addMember(rep, "rep");
  addMember(marketer, "marketer");
}
