// Adds the test team through `npm run team`, exactly as an admin would, into the e2e data directory.
import { execFileSync } from "node:child_process";
import { admin, marketer, rep } from "./team";

/** `npm run team -- add` into a data directory (the suite's, unless another is named). */
export function addMember(
  member: { email: string; password: string; name: string },
  role: string,
  dataDir = process.env.E2E_DATA_DIR,
): void {
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
    { env: { ...process.env, DATA_DIR: dataDir }, stdio: "inherit" },
  );
}

export default function globalSetup(): void {
  addMember(admin, "admin");
  addMember(rep, "rep");
  addMember(marketer, "marketer");
}
