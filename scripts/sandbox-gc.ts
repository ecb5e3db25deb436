// `npm run sandbox:gc`: expire idle sandboxes, enforce the caps, sweep stray files. For ops and tests,
// `npm run sandbox:gc -- --evict <sandboxId>` evicts one sandbox (its owner gets a fresh one and a note).
import { parseArgs } from "node:util";
import { migrateControlPlane } from "@/db/control-plane";
import { runtime } from "@/lib/runtime/runtime";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { runSandboxMaintenance } from "@/lib/sandbox/maintenance";
import { retireSandbox, sandboxRow } from "@/lib/sandbox/retire";

const usage = `Usage:
  npm run -s sandbox:gc                        expire idle sandboxes, enforce caps, remove stray files
  npm run -s sandbox:gc -- --evict <sandboxId> evict one sandbox now`;

/** Ids are base64url, so a quarter of them start with "-"; parseArgs would take those for an option. */
function attachEvictValue(argv: string[]): string[] {
  const at = argv.indexOf("--evict");
  if (at === -1 || at + 1 >= argv.length) return argv;
  return [...argv.slice(0, at), `--evict=${argv[at + 1]}`, ...argv.slice(at + 2)];
}

async function run(argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: attachEvictValue(argv),
    options: { evict: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) return usage;
  await migrateControlPlane();
  if (values.evict !== undefined) {
    const id = values.evict;
    if (!isWellFormedId(id)) throw new Error(`Not a sandbox id: ${JSON.stringify(String(id).slice(0, 40))}`);
    const row = await sandboxRow(id);
    if (!row) throw new Error(`No sandbox ${id}`);
    if (row.status === "gone") return `Sandbox ${id} was already gone (${row.goneReason ?? "unknown"})`;
    await retireSandbox(id, "evicted");
    return `Evicted sandbox ${id}`;
  }
  const started = performance.now();
  const report = await runSandboxMaintenance();
  return `Expired ${report.expired}, evicted ${report.evicted} sandbox(es) in ${(performance.now() - started).toFixed(0)} ms`;
}

try {
  console.log(await run(process.argv.slice(2)));
} catch (error) {
  console.error(`sandbox:gc: ${(error as Error).message}\n${usage}`);
  process.exitCode = 1;
} finally {
  closeAllSandboxes();
  await runtime().close();
}
