// `npm run postgres -- <command>`: a throwaway PostgreSQL from the shell (scripts/postgres/postgres.ts).
//
//   ensure                        find Debian's PostgreSQL ≥ 15, installing it when run as root (else say how)
//   start [--port N]              start a throwaway server, print its URL, stop it on Ctrl-C or SIGTERM
//   run [--port N] -- <command…>  run a command with TEST_POSTGRES_URL naming a server the tests make their
//                                 databases on: a throwaway one, or DATABASE_URL's (or TEST_POSTGRES_URL's) server
//
// The first port tried is --port, else TEST_POSTGRES_PORT, else any free one.
import { runChild, watchInterrupts } from "../run-child";
import { ensurePostgresBinaries, PostgresMissingError } from "./binaries";
import { redactUrl } from "./databases";
import { startPostgres } from "./postgres";
import { firstPort, namedServer, testEnvironment } from "./test-server";

const log = (line: string) => console.error(`postgres: ${line}`);

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

async function main(args: string[]): Promise<number> {
  const [command] = args;
  if (command === "ensure") {
    const { version, bin } = ensurePostgresBinaries(log);
    console.log(`PostgreSQL ${version}: ${bin}`);
    return 0;
  }
  if (command === "start") {
    const server = await startPostgres({ port: firstPort(option(args, "--port") ?? process.env.TEST_POSTGRES_PORT), log });
    console.log(server.url);
    log("Ctrl-C stops it and removes its data");
    // Signal listeners alone do not keep Node running; the timer does until a signal comes.
    const keepAlive = setInterval(() => {}, 1 << 30);
    await new Promise<void>((resolve) => {
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => resolve());
    });
    clearInterval(keepAlive);
    await server.stop();
    return 0;
  }
  if (command === "run") {
    const separator = args.indexOf("--");
    const [program, ...programArgs] = separator === -1 ? [] : args.slice(separator + 1);
    if (!program) throw new Error("usage: npm run postgres -- run [--port N] -- <command…>");
    const interrupts = watchInterrupts();
    const existing = namedServer(process.env);
    const server = await startPostgres({
      existingUrl: existing,
      port: firstPort(option(args, "--port") ?? process.env.TEST_POSTGRES_PORT),
      log,
    });
    if (existing) log(`using ${redactUrl(existing)}`);
    try {
      if (interrupts.signal) return 130;
      const result = await runChild(program, programArgs, testEnvironment(process.env, server));
      return result.code;
    } finally {
      await server.stop();
    }
  }
  console.error("usage: npm run postgres -- ensure | start [--port N] | run [--port N] -- <command…>");
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof PostgresMissingError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
