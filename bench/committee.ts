// `npm run bench:committee [-- --database postgres]`: with 100 shared copies of 3 people each, every one with a
// page of the copy open (its live stream), the time from one person's write — "Move to stage" on a deal, the
// Server Action the deal page posts — to `copy.changed` arriving on the other two people's streams; and, in the
// same run on the same server, the conversation message latency as bench:live measures it (a prospect's message
// → every rep stream and their own panel). The target: write → visible p99 within 1.5× of message p99.
//
// Knobs: BENCH_COPIES (100), BENCH_REP_STREAMS (500: bench:live's own count at its default size),
// BENCH_WRITE_ROUNDS (200), BENCH_MESSAGE_ROUNDS (20, as bench:live), BENCH_PORT (3361).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDatabase } from "./bench-database";
import { addRep, benchUserAgent, liftedLimits, type Prospect, prospectsTryTheDemo, signInRep } from "./live-people";
import { fanOut, markedRound, openMany, openStream, rssMb, type Stream, settle } from "./live-streams";
import { ms, percentile, startServer } from "./measure";

const copyCount = Number(process.env.BENCH_COPIES || 100);
const peoplePerCopy = 3;
const repStreamCount = Number(process.env.BENCH_REP_STREAMS || 500);
const writeRounds = Number(process.env.BENCH_WRITE_ROUNDS || 200);
const messageRounds = Number(process.env.BENCH_MESSAGE_ROUNDS || 20);
const port = Number(process.env.BENCH_PORT || 3361);
const base = `http://127.0.0.1:${port}`;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-committee-"));
const log = (line: string) => console.log(`bench:committee: ${line}`);

type Person = { cookie: string; stream?: Stream };
type Copy = { sandboxId: string; people: Person[]; dealId: number; stage: "lead" | "won" };

/** A Server Action of the product's, by its exported name, from the build's manifest (as the e2e tests find them). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === "app/s/[sandbox]/actions.ts" && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`${exportedName} is not in the build's server-reference-manifest.json`);
  return found[0];
}

/** Posts a Server Action as the product's pages do (fetch from our own origin, the visitor's cookie). */
async function postAction(page: string, id: string, cookie: string, body: string | FormData): Promise<string> {
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    headers: {
      "next-action": id,
      accept: "text/x-component",
      origin: base,
      cookie,
      "user-agent": benchUserAgent,
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
    },
    body,
    redirect: "manual",
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${page}: action answered ${response.status} ${text.slice(0, 200)}`);
  return text;
}

/**
 * "Move to stage" on the deal page, encoded as React's client encodes the call: the arguments in field "0" (the
 * bound sandbox id, the form's previous state, then "$K1" for the form), the form's own fields as "_1_<name>".
 */
function moveDeal(copy: Copy, by: Person, stage: Copy["stage"]): Promise<string> {
  const form = new FormData();
  form.append("_1_dealId", String(copy.dealId));
  form.append("_1_stage", stage);
  form.append("0", JSON.stringify([copy.sandboxId, null, "$K1"]));
  return postAction(`/s/${copy.sandboxId}/deals/${copy.dealId}`, moveStageActionId, by.cookie, form);
}

/** "Invite a colleague": the owner makes the copy's link, then reads it off the page as the header shows it. */
async function inviteLink(owner: Prospect): Promise<{ token: string; dealId: number }> {
  const made = await postAction(`/s/${owner.sandboxId}`, inviteActionId, owner.cookie, JSON.stringify([owner.sandboxId]));
  if (!made.includes('"done":')) throw new Error(`no invite link was made: ${made.slice(0, 300)}`);
  const board = await fetch(`${base}/s/${owner.sandboxId}`, { headers: { cookie: owner.cookie, "user-agent": benchUserAgent } });
  const html = await board.text();
  // The token travels in the page's RSC payload (a client component's prop), escaped inside a script.
  const token = /\/join\/([A-Za-z0-9_-]{32})/.exec(html)?.[1] ?? /token\\?":\\?"([A-Za-z0-9_-]{32})/.exec(html)?.[1];
  const dealId = Number(new RegExp(`/s/${owner.sandboxId}/deals/(\\d+)`).exec(html)?.[1]);
  if (!token || !Number.isInteger(dealId))
    throw new Error(`the board of ${owner.sandboxId} shows no invite link or deal (${board.status})`);
  return { token, dealId };
}

/** A colleague opens the link and presses "Join their copy": a browser without a cookie gets its visitor cookie. */
async function join(token: string): Promise<Person> {
  const response = await fetch(`${base}/join/${token}`, {
    method: "POST",
    headers: { origin: base, "user-agent": benchUserAgent },
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
  if (response.status !== 303 || !cookie) throw new Error(`joining answered ${response.status} ${await response.text()}`);
  return { cookie };
}

/** Each prospect makes a copy, invites the others, and its deal is put at "lead" (untimed; also the warm-up). */
async function makeCommittees(): Promise<Copy[]> {
  const owners = await prospectsTryTheDemo(base, copyCount);
  const copies: Copy[] = [];
  for (let start = 0; start < owners.length; start += 25) {
    const batch = await Promise.all(
      owners.slice(start, start + 25).map(async (owner): Promise<Copy> => {
        const { token, dealId } = await inviteLink(owner);
        const people: Person[] = [{ cookie: owner.cookie }];
        // One after the other, as colleagues who got the link in a chat would: each join takes the copy's turn anyway.
        for (let joined = 1; joined < peoplePerCopy; joined += 1) people.push(await join(token));
        return { sandboxId: owner.sandboxId, people, dealId, stage: "lead" };
      }),
    );
    copies.push(...batch);
  }
  // A deal already at "lead" is refused, which leaves it where the rounds expect it just as well.
  for (let start = 0; start < copies.length; start += 10) {
    await Promise.all(copies.slice(start, start + 10).map((copy) => moveDeal(copy, copy.people[0] as Person, "lead")));
  }
  return copies;
}

type Result = { samples: number[]; missed: number };

/**
 * Writes walk the copies (a different person of each writing each time round); messages are interleaved among
 * them, so both are measured on the same server in the same state.
 */
async function rounds(copies: Copy[], asker: Prospect, messageStreams: Stream[]): Promise<{ write: Result; message: Result }> {
  const write: Result = { samples: [], missed: 0 };
  const message: Result = { samples: [], missed: 0 };
  const messageEvery = Math.max(1, Math.floor(writeRounds / messageRounds));
  let messagesSent = 0;
  for (let round = 0; round < writeRounds; round += 1) {
    const copy = copies[round % copies.length] as Copy;
    const writer = copy.people[Math.floor(round / copies.length) % peoplePerCopy] as Person;
    const others = copy.people.filter((person) => person !== writer).map((person) => person.stream as Stream);
    const stage = copy.stage === "lead" ? "won" : "lead";
    const moved = await fanOut(
      others,
      async () => {
        const answer = await moveDeal(copy, writer, stage);
        // The action's state comes back in its RSC answer: `done` when the move was made, `error` when refused.
        if (!answer.includes('"done":')) throw new Error(`the move was refused: ${answer.slice(0, 300)}`);
      },
      (type, data) => type === "copy.changed" && data.includes(copy.sandboxId),
    );
    copy.stage = stage;
    write.samples.push(...moved.samples);
    write.missed += moved.missed;
    if (round % messageEvery !== 0 || messagesSent >= messageRounds) continue;
    const sent = await markedRound(
      messageStreams,
      async (marker) => {
        const response = await fetch(`${base}/api/conversation`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: asker.cookie, "user-agent": benchUserAgent },
          body: JSON.stringify({ body: `Question ${marker}` }),
        });
        if (response.status !== 201) throw new Error(`message refused: ${response.status} ${await response.text()}`);
      },
      messagesSent,
    );
    message.samples.push(...sent.samples);
    message.missed += sent.missed;
    messagesSent += 1;
  }
  return { write, message };
}

// ---- the server ----
const dataDir = path.join(root, "product");
const database = await benchDatabase();
const control = await database.fresh("committee", dataDir);
await addRep(control, dataDir);
await control.close();

log(`starting the production server on ${database.label} (builds first if sources changed)…`);
const product = await startServer({ ...control.env, PORT: String(port), DATA_DIR: dataDir, ...liftedLimits });
const inviteActionId = actionId("makeInviteLinkAction");
const moveStageActionId = actionId("moveStageAction");
const streams: Stream[] = [];
let measured: { write: Result; message: Result; copyStreams: number; repStreams: number; rss: number };
try {
  const repCookie = await signInRep(base);
  log(`${copyCount} prospects try the demo and each invites ${peoplePerCopy - 1} colleagues…`);
  const copies = await makeCommittees();

  log(`opening ${copyCount * peoplePerCopy} copy streams (one page open per person)…`);
  const people = copies.flatMap((copy) => copy.people);
  const copyStreams = await openMany(people.length, (index) =>
    openStream(`${base}/api/live/visitor`, { cookie: people[index]?.cookie ?? "" }),
  );
  streams.push(...copyStreams);
  for (const [index, person] of people.entries()) person.stream = copyStreams[index];
  // The asker is a prospect of their own with their panel open, as in bench:live.
  const [asker] = await prospectsTryTheDemo(base, 1);
  if (!asker) throw new Error("the asker could not try the demo");
  const askerStream = await openStream(`${base}/api/live/visitor`, { cookie: asker.cookie });
  streams.push(askerStream);
  log(`opening ${repStreamCount} rep streams…`);
  const repStreams = await openMany(repStreamCount, () => openStream(`${base}/api/live/team`, { cookie: repCookie }));
  streams.push(...repStreams);
  await settle();
  const rss = rssMb(product.child.pid ?? 0);

  log(`${writeRounds} writes across ${copyCount} copies and ${messageRounds} messages, interleaved…`);
  const { write, message } = await rounds(copies, asker, [...repStreams, askerStream]);
  measured = { write, message, copyStreams: copyStreams.length, repStreams: repStreams.length, rss };
} finally {
  // Whatever failed, the server does not outlive the bench (it would hold the port and the streams).
  for (const stream of streams) stream.close();
  await product.stop();
  await database.stop();
  fs.rmSync(root, { recursive: true, force: true });
}

const { write, message } = measured;
const row = (label: string, result: Result) =>
  `| ${label} | ${ms(percentile(result.samples, 50))} | ${ms(percentile(result.samples, 99))} | ${result.samples.length} | ${result.missed} |`;
console.log("");
console.log(
  `Openhouse on ${database.label}: ${copyCount} shared copies × ${peoplePerCopy} people (${measured.copyStreams} copy streams), ` +
    `${measured.repStreams} rep streams and the asker's panel — ${measured.copyStreams + measured.repStreams + 1} open streams; ` +
    `server RSS ${measured.rss.toFixed(0)} MB.`,
);
console.log("| measured | p50 | p99 | samples | missed |");
console.log("| --- | --- | --- | --- | --- |");
console.log(row(`write in a shared copy ("Move to stage") → copy.changed on the other ${peoplePerCopy - 1} people's streams`, write));
console.log(row(`conversation message → ${measured.repStreams} rep streams and the asker's panel (as bench:live)`, message));
console.log("");
const ratio = percentile(write.samples, 99) / percentile(message.samples, 99);
console.log(`write → visible p99 / message p99: ${ratio.toFixed(2)}× (target ≤ 1.5×)`);
// A write or message that never arrived is a failure, not a fast sample.
if (write.missed + message.missed > 0) process.exitCode = 1;
