// The hot list's JSON contract (lib/contracts/hot-list.ts): what GET /api/sales/hot-list answers from a real
// control database fits it whole, accounts and visitors alike; an answer that does not fit is refused in words,
// never half-read; and the entries lib/insights builds are, once JSON has written them, exactly the contract's.
import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { GET } from "@/app/api/sales/hot-list/route";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { auth } from "@/lib/auth/auth";
import { addTeamMember } from "@/lib/auth/team";
import { type HotAccountEntry, type HotVisitorEntry, hotListAnswerSchema } from "@/lib/contracts/hot-list";
import { readAnswer } from "@/lib/contracts/read-answer";
import { registerDemos } from "@/lib/demos/registry";
import type { HotAccount, HotVisitor } from "@/lib/insights/hot-list";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { ingestBatch } from "@/lib/signals/ingest";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

const demo = "pipeline-basics";
const password = "correct horse battery";
let cookie = "";

/** A visitor who took the tour's first step and raised a hand, for `accountId` when given. */
async function keenVisitor(accountId?: string): Promise<string> {
  const id = newId();
  await touchVisitor(id, { client: { browser: "Firefox", os: "Linux", device: "desktop", bot: false } });
  if (accountId) await s.run(s.db.update(t.visitors).set({ accountId }).where(eq(t.visitors.id, id)));
  const sandbox = await provisionSandbox(id, demo);
  const at = Date.now();
  const events = ["demo.viewed", "step.viewed", "handraise"].map((type, index) => ({
    id: uuidv7(),
    at: at + index,
    demo,
    type,
    step: "welcome",
  }));
  await ingestBatch(signalBatchSchema.parse({ sandbox: sandbox?.id, events }), { visitorId: id, linkIdentity: true });
  return id;
}

beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
  await addTeamMember({ email: "hot-list@example.com", password });
  const signedIn = await auth().api.signInEmail({ body: { email: "hot-list@example.com", password }, asResponse: true });
  cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  await s.run(s.db.insert(t.accounts).values({ id: "acct-contract", name: "Contract Co", domain: "contract.example" }));
  await keenVisitor();
  await keenVisitor("acct-contract");
});
afterAll(async () => {
  closeAllSandboxes();
  await closeControlPlane();
});

const hotListAnswer = () => GET(new Request("http://localhost/api/sales/hot-list", { headers: { cookie, host: "localhost" } }));

describe("the hot list's JSON contract", () => {
  it("holds all of what the API answers, for an account and an anonymous visitor", async () => {
    const sent: unknown = await (await hotListAnswer()).json();
    const answer = await readAnswer(await hotListAnswer(), hotListAnswerSchema);
    if (!answer.ok) throw new Error(`the hot list did not fit its contract (${answer.status})`);
    expect(answer.value).toEqual(sent);
    expect(answer.value.entries.map((entry) => entry.kind).sort()).toEqual(["account", "visitor"]);
    const account = answer.value.entries.find((entry) => entry.kind === "account");
    expect(account).toMatchObject({ name: "Contract Co", domain: "contract.example", people: 1 });
    expect(account?.reasonsText).toContain("raised a hand +50");
  });

  it("refuses an answer that does not fit, and says what the API refused with", async () => {
    const entry = {
      kind: "visitor",
      id: "v",
      client: "Firefox",
      source: null,
      demos: [],
      personas: [],
      madeFor: [],
      score: 1,
      rawScore: 1,
      reasons: [],
      reasonsText: "",
      lastAt: "2026-12-01T10:00:00.000Z",
      firstAt: "2026-12-01T09:00:00.000Z",
      handRaised: false,
    };
    const fits = await readAnswer(Response.json({ pending: 0, entries: [entry] }), hotListAnswerSchema);
    expect(fits.ok).toBe(true);
    for (const body of [
      { pending: 0, entries: [{ ...entry, kind: "company" }] },
      { pending: 0, entries: [{ ...entry, lastAt: "yesterday" }] },
      { pending: 0, entries: [{ ...entry, score: "high" }] },
      { entries: [entry] },
      null,
    ]) {
      expect(await readAnswer(Response.json(body), hotListAnswerSchema)).toEqual({ ok: false, status: 200 });
    }
    expect(await readAnswer(new Response("<html>Bad gateway</html>", { status: 200 }), hotListAnswerSchema)).toEqual({
      ok: false,
      status: 200,
    });
    expect(await readAnswer(Response.json({ error: "from is after to" }, { status: 400 }), hotListAnswerSchema)).toEqual({
      ok: false,
      status: 400,
      error: "from is after to",
    });
  });

  it("is what lib/insights builds, once JSON has written its Dates and the reasons' line is added", () => {
    /** What JSON.stringify makes of a value. */
    type Sent<Value> = Value extends Date
      ? string
      : Value extends (infer Item)[]
        ? Sent<Item>[]
        : Value extends object
          ? { [Key in keyof Value]: Sent<Value[Key]> }
          : Value;
    /** The route's mapping: the rank the page was cut by left out, the reasons as one line added. */
    type Answered<Entry> = Sent<Omit<Entry, "rankKey">> & { reasonsText: string };
    expectTypeOf<Answered<HotAccount>>().toExtend<HotAccountEntry>();
    expectTypeOf<Answered<HotVisitor>>().toExtend<HotVisitorEntry>();
    expectTypeOf<keyof Answered<HotAccount>>().toEqualTypeOf<keyof HotAccountEntry>();
    expectTypeOf<keyof Answered<HotVisitor>>().toEqualTypeOf<keyof HotVisitorEntry>();
  });
});
