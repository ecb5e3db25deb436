// `npm test`: everything, on both databases. Chromium and PostgreSQL first (installed when run as root, else the
// exact command is printed and the run fails), then types, lint, vitest on SQLite and on PostgreSQL, the
// production build, Playwright on SQLite and on PostgreSQL, the cluster tests (PostgreSQL) and demos:check. One throwaway PostgreSQL serves
// the whole run — or DATABASE_URL's server, on which only openhouse_test_<run>_… databases are made — and is
// stopped at the end whatever happens. Each phase's time is printed, and a summary at the end.
//
// A failed phase fails the run, but the phases after it still run, unless they need what failed (no Chromium:
// no browser phases; no PostgreSQL: no PostgreSQL phases; no build: nothing that serves it): the phases are
// independent, and one report of every failure beats a 20-minute rerun per failure. Ctrl-C or SIGTERM stops the
// running phase and starts no other.
//
//   npm test [-- --database sqlite|postgres]     both databases (default), or only the phases of one
import { parseArgs, stripVTControlCharacters } from "node:util";
import { PostgresMissingError } from "../postgres/binaries";
import { type PostgresServer, startPostgres } from "../postgres/postgres";
import { firstPort, namedServer, sqliteEnvironment, testEnvironment } from "../postgres/test-server";
import { runChild, watchInterrupts } from "../run-child";
import { root } from "../serve";

type Database = "sqlite" | "postgres";
type Outcome = "passed" | "failed" | "not run";
type Phase = {
  name: string;
  /** Names of phases that must have passed first. */
  needs: string[];
  /** Only in runs of this database. */
  database?: Database;
  run: () => Promise<boolean>;
};

const { values } = parseArgs({ options: { database: { type: "string" } } });
if (values.database !== undefined && values.database !== "sqlite" && values.database !== "postgres") {
  console.error("usage: npm test [-- --database sqlite|postgres]");
  process.exit(2);
}
const only = values.database as Database | undefined;

process.chdir(root);
const interrupts = watchInterrupts();
const bin = (name: string) => `${root}/node_modules/.bin/${name}`;
// The lines that name a failure (vitest's FAIL and ×, Playwright's ✘ and numbered failures, errors), kept per
// phase and printed again under the summary: a long run's log is often read from its tail only.
const failureLine = /^\s*(FAIL\b|×|✘|\d+\) |Error: |AssertionError|openhouse test: .* failed)/;
let failureLines: string[] = [];
const command = async (file: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const onLine = (line: string) => {
    const plain = stripVTControlCharacters(line);
    if (failureLine.test(plain) && failureLines.length < 40 && !failureLines.includes(plain.trim())) failureLines.push(plain.trim());
  };
  return (await runChild(file, args, env, { onLine })).code === 0;
};

let postgres: PostgresServer | undefined;
const onPostgres = () => testEnvironment(process.env, postgres as PostgresServer);
const onSqlite = () => sqliteEnvironment(process.env);

const allPhases: Phase[] = [
  { name: "Chromium", needs: [], run: () => command("bash", ["scripts/ensure-chromium.sh"]) },
  {
    name: "PostgreSQL",
    needs: [],
    database: "postgres",
    async run() {
      const existing = namedServer(process.env);
      postgres = await startPostgres({ existingUrl: existing, port: firstPort(process.env.TEST_POSTGRES_PORT), log: say });
      // Fail here, clearly, if the server cannot give us databases (an existing server we may not create on).
      await postgres.createDatabase("probe");
      await postgres.dropDatabase("probe");
      say(`using ${postgres.describe()}`);
      return true;
    },
  },
  { name: "types (tsc --noEmit)", needs: [], run: () => command(bin("tsc"), ["--noEmit"]) },
  { name: "lint (biome check .)", needs: [], run: () => command(bin("biome"), ["check", "."]) },
  { name: "vitest · SQLite", needs: [], database: "sqlite", run: () => command(bin("vitest"), ["run"], onSqlite()) },
  { name: "vitest · PostgreSQL", needs: ["PostgreSQL"], database: "postgres", run: () => command(bin("vitest"), ["run"], onPostgres()) },
  {
    name: "production build",
    needs: [],
    run: () => command(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/build-if-stale.ts"]),
  },
  {
    name: "Playwright · SQLite",
    needs: ["Chromium", "production build"],
    database: "sqlite",
    run: () => command(bin("playwright"), ["test"], onSqlite()),
  },
  {
    name: "Playwright · PostgreSQL",
    needs: ["Chromium", "production build", "PostgreSQL"],
    database: "postgres",
    run: () => command(bin("playwright"), ["test"], onPostgres()),
  },
  {
    // Two nodes of the production build behind HAProxy on the run's PostgreSQL (tests/cluster): PostgreSQL only,
    // since a cluster's nodes share one control plane and SQLite is one process's file.
    name: "cluster (two nodes behind HAProxy)",
    needs: ["production build", "PostgreSQL"],
    database: "postgres",
    run: async () =>
      (await command("bash", ["scripts/cluster/ensure-haproxy.sh"])) &&
      command(bin("vitest"), ["run", "--config", "vitest.cluster.config.ts"], onPostgres()),
  },
  {
    name: "demos:check (every shipped demo walked)",
    needs: ["Chromium", "production build"],
    run: () => command("npm", ["run", "-s", "demos:check", "--", "--no-record"], onSqlite()),
  },
];
const phases = allPhases.filter((phase) => !only || !phase.database || phase.database === only);

function say(line: string): void {
  console.log(`openhouse test: ${line}`);
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
const results: { phase: Phase; outcome: Outcome; ms: number; why?: string; failures?: string[] }[] = [];
const started = Date.now();

try {
  for (const [index, phase] of phases.entries()) {
    const missing = phase.needs.filter((need) => results.find((result) => result.phase.name === need)?.outcome !== "passed");
    if (interrupts.signal || missing.length > 0) {
      const why = interrupts.signal ? `interrupted (${interrupts.signal})` : `needs ${missing.join(", ")}`;
      results.push({ phase, outcome: "not run", ms: 0, why });
      continue;
    }
    console.log(`\n━━ [${index + 1}/${phases.length}] ${phase.name}`);
    const phaseStarted = Date.now();
    failureLines = [];
    let passed: boolean;
    let why: string | undefined;
    try {
      passed = await phase.run();
    } catch (error) {
      passed = false;
      why = error instanceof PostgresMissingError ? error.message : error instanceof Error ? error.message : String(error);
      console.error(`openhouse test: ${phase.name} failed: ${why}`);
    }
    const ms = Date.now() - phaseStarted;
    results.push({ phase, outcome: passed ? "passed" : "failed", ms, why: why?.split("\n")[0], failures: passed ? [] : failureLines });
    say(`${passed ? "✓" : "✗"} ${phase.name} — ${passed ? "passed" : "failed"} in ${seconds(ms)}`);
  }
} finally {
  if (postgres) {
    await postgres.stop();
    say(`stopped ${postgres.describe()}`);
  }
}

const mark: Record<Outcome, string> = { passed: "✓", failed: "✗", "not run": "·" };
const width = Math.max(...results.map((result) => result.phase.name.length));
console.log(`\n━━ openhouse test summary${only ? ` (${only} only)` : " (SQLite and PostgreSQL)"}`);
for (const { phase, outcome, ms, why, failures } of results) {
  console.log(
    `  ${mark[outcome]} ${phase.name.padEnd(width)}  ${outcome === "not run" ? "not run" : seconds(ms).padStart(6)}${why ? `  — ${why}` : ""}`,
  );
  for (const line of failures ?? []) console.log(`      ${line}`);
}
const failed = results.filter((result) => result.outcome !== "passed");
console.log(`  total ${seconds(Date.now() - started)}: ${results.length - failed.length} of ${results.length} phases passed`);
process.exit(interrupts.signal ? 130 : failed.length > 0 ? 1 : 0);
