// `npm run team -- <add|list|remove|passwd|role|rename> …`: manage the sales team's sign-ins from the server's shell.
import { parseArgs } from "node:util";
import { migrateControlPlane } from "@/db/control-plane";
import { roles } from "@/lib/auth/roles";
import {
  addTeamMember,
  listTeamMembers,
  removeTeamMember,
  renameTeamMemberByEmail,
  setPassword,
  setTeamRole,
  TeamError,
} from "@/lib/auth/team";
import { runtime } from "@/lib/runtime/runtime";

const usage = `Usage:
  npm run -s team -- add --email a@b.co --password '…' [--name 'Ada Lovelace'] [--role ${roles.join("|")}]
  npm run -s team -- list
  npm run -s team -- remove --email a@b.co
  npm run -s team -- passwd --email a@b.co --password '…'
  npm run -s team -- role a@b.co ${roles.join("|")}      (or --email a@b.co --role …)
  npm run -s team -- rename --email a@b.co --name 'Ada Lovelace'      (members cannot rename themselves)
The first member added to an empty team is an admin; others are reps unless --role says otherwise.
--password - reads the password from the first line of stdin, keeping it out of shell history and ps;
-s stops npm from echoing the command line.`;

class UsageError extends Error {}

async function firstLineOfStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

async function password(value: string | undefined): Promise<string> {
  return value === "-" ? await firstLineOfStdin() : required(value, "password");
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === "") throw new UsageError(`Missing --${flag}`);
  return value;
}

async function run(argv: string[]): Promise<string> {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    // parseArgs echoes the offending token; that is the flag name, never a --password value.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  // `role <email> <role>` takes its two values as words; every other command takes flags only.
  const words = command === "role" ? rest.slice(0, 2) : [];
  const extra = rest.slice(words.length);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}" (quote values that contain spaces)`);
  await migrateControlPlane();
  switch (command) {
    case "add": {
      const member = await addTeamMember({
        email: required(values.email, "email"),
        password: await password(values.password),
        name: values.name,
        role: values.role as (typeof roles)[number] | undefined,
      });
      return `Added ${member.email} (${member.name}) as ${member.role}; they can sign in at /sales/sign-in`;
    }
    case "list": {
      const members = await listTeamMembers();
      if (members.length === 0) return `No team members yet; add one with: npm run team -- add --email … --password …`;
      return members.map((member) => `${member.email}\t${member.name}\t${member.role}\tadded ${member.createdAt.toISOString()}`).join("\n");
    }
    case "remove": {
      const email = required(values.email, "email");
      await removeTeamMember(email);
      return `Removed ${email.trim().toLowerCase()} and signed them out everywhere`;
    }
    case "passwd": {
      const email = required(values.email, "email");
      await setPassword(email, await password(values.password));
      return `Changed the password of ${email.trim().toLowerCase()} and signed them out everywhere`;
    }
    case "role": {
      const email = required(words[0] ?? values.email, "email");
      const changed = await setTeamRole(email, required(words[1] ?? values.role, "role"));
      return `${changed.email} is now ${changed.role}`;
    }
    case "rename": {
      const renamed = await renameTeamMemberByEmail(required(values.email, "email"), required(values.name, "name"));
      return `${renamed.email} is now called ${renamed.name}`;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : "Missing a command");
  }
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
  });
}

try {
  console.log(await run(process.argv.slice(2)));
} catch (error) {
  if (error instanceof UsageError) console.error(`team: ${error.message}\n${usage}`);
  else if (error instanceof TeamError) console.error(`team: ${error.message}`);
  // Anything else is our bug or a broken data dir: say so in one line, without a stack trace.
  else console.error(`team: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await runtime().close();
}
