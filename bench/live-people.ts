// The people of the live benches, set up over HTTP as they would be: a rep added with the team command and
// signed in, prospects who try a demo. Shared by bench:live and bench:committee so both stand on the same ground.
import { execFileSync } from "node:child_process";
import type { ControlDatabase } from "./bench-database";

export const benchUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

const repEmail = "bench@openhouse.test";
const repPassword = "bench password long enough";

/** The server's limits a live bench lifts: one address makes every request, one rep holds every team stream. */
export const liftedLimits: Record<string, string> = {
  PROVISION_RATE_PER_MINUTE: "1000000",
  CONVERSATIONS_PER_HOUR: "1000000",
  MESSAGES_PER_HOUR: "1000000",
  SIGNALS_BATCHES_PER_MINUTE: "1000000",
  // One rep and one address hold every stream here: the per-person and per-address caps are not what is measured.
  LIVE_STREAMS_PER_PERSON: "1000000",
  LIVE_STREAMS_PER_ADDRESS: "1000000",
  SANDBOX_SPARES: "0",
};

/** Adds the bench's rep (an admin, so every conversation is theirs to see) before the server starts. */
export async function addRep(control: ControlDatabase, dataDir: string): Promise<void> {
  execFileSync(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/team.ts", "add", "--email", repEmail, "--password", repPassword],
    {
      env: { ...process.env, ...control.env, DATA_DIR: dataDir },
      stdio: "ignore",
    },
  );
  await control.query(`update "user" set role = 'admin' where email = ?`, [repEmail]);
}

/** The rep's session cookie, as the sign-in page gets it. */
export async function signInRep(base: string): Promise<string> {
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "user-agent": benchUserAgent },
    body: JSON.stringify({ email: repEmail, password: repPassword }),
  });
  const cookie = (signIn.headers.getSetCookie?.() ?? []).map((line) => line.split(";")[0]).join("; ");
  if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
  return cookie;
}

export type Prospect = { cookie: string; sandboxId: string };

/** `count` prospects open /try/pipeline-basics, 25 at a time: each gets a visitor cookie and a copy of their own. */
export async function prospectsTryTheDemo(base: string, count: number): Promise<Prospect[]> {
  const prospects: Prospect[] = [];
  for (let index = 0; index < count; index += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, count - index) }, async () => {
        const response = await fetch(`${base}/try/pipeline-basics`, { redirect: "manual", headers: { "user-agent": benchUserAgent } });
        const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
        const sandboxId = /^\/s\/([^/?]+)/.exec(response.headers.get("location") ?? "")?.[1] ?? "";
        if (response.status !== 303 || !cookie || !sandboxId) throw new Error(`/try answered ${response.status}`);
        return { cookie, sandboxId };
      }),
    );
    prospects.push(...batch);
  }
  return prospects;
}
