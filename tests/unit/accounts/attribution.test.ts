// Share links as /try runs them: tryDemo() with real Requests and real SQLite files. Forwarded links make new
// people of the same account; dead links still give the demo; openings count as people only once they act.
import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { accountDetail, listAccounts } from "@/lib/accounts/accounts";
import { createShareLink, listShareLinks, revokeShareLink } from "@/lib/accounts/share-links";
import { addTeamMember, findTeamMember } from "@/lib/auth/team";
import type { TeamSession } from "@/lib/auth/team-session";
import { registerDemos } from "@/lib/demos/registry";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { installRuntime } from "@/lib/runtime/runtime";
import { type TryDemoOutcome, tryDemo } from "@/lib/sandbox/try-demo";
import { ingestBatch } from "@/lib/signals/ingest";
import { verifyVisitorCookie } from "@/lib/visitors/visitor-cookie";
import { s, t } from "../control-plane";

const runtime = installRuntime({ provisionRatePerMinute: 5, sandboxSpares: 2 });
let rep: TeamSession["user"];
let otherRep: TeamSession["user"];

async function member(email: string): Promise<TeamSession["user"]> {
  const added = await addTeamMember({ email, password: "correct horse battery", role: "rep" });
  const row = await findTeamMember(added.id);
  if (!row) throw new Error("no member");
  return { ...row, emailVerified: true, image: null, updatedAt: row.createdAt } as TeamSession["user"];
}

beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
  await member("admin@example.com"); // the first member is the admin
  rep = await member("rep@example.com");
  otherRep = await member("other@example.com");
});
afterAll(() => runtime.close());

const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
let addressCounter = 0;

/** A browser with no cookie, from its own address (each test's rate allowance is its own). */
async function openLink(path: string, headers: Record<string, string> = {}): Promise<Extract<TryDemoOutcome, { kind: "open" }>> {
  const request = new Request(`http://localhost:3000${path}`, {
    headers: { "user-agent": chrome, [clientIpHeaderName]: `198.51.100.${++addressCounter}`, ...headers },
  });
  const outcome = await tryDemo("pipeline-basics", request);
  if (outcome.kind !== "open") throw new Error(`expected the demo, got ${outcome.kind}`);
  return outcome;
}

const visitorOf = (outcome: { cookie: { value: string } }) => verifyVisitorCookie(outcome.cookie.value) ?? "";
const rowOf = async (visitorId: string) => await s.one(s.db.select().from(t.visitors).where(eq(t.visitors.id, visitorId)));

/** The visitor really does something: a deal, as the server records it when the write commits. */
async function interact(visitorId: string, sandboxId: string, deal = "Globex renewal"): Promise<void> {
  await ingestBatch(
    {
      sandbox: sandboxId,
      events: [
        {
          id: uuidv7(),
          type: "sandbox.action",
          at: Date.now(),
          demo: "pipeline-basics",
          action: "deal.created",
          props: { deal, amount: 40000 },
        },
      ],
    },
    { visitorId, linkIdentity: true },
  );
}

describe("share-link attribution", () => {
  it("ties whoever opens a link, and whoever it is forwarded to, to the same account as separate people", async () => {
    const link = await createShareLink({ company: "Globex", demo: "pipeline-basics", persona: "leader" }, rep);
    const first = await openLink(`/try/pipeline-basics?via=${link.token}`);
    const forwarded = await openLink(`/try/pipeline-basics?via=${link.token}`);
    expect(visitorOf(first)).not.toBe(visitorOf(forwarded));
    expect((await rowOf(visitorOf(first)))?.accountId).toBe(link.accountId);
    expect((await rowOf(visitorOf(forwarded)))?.accountId).toBe(link.accountId);
    // The link's persona and company name set up the copy.
    const sandbox = await s.one(s.db.select().from(t.sandboxes).where(eq(t.sandboxes.id, first.sandboxId)));
    expect(sandbox?.personalization).toEqual({ company: "Globex", persona: "leader" });
    await interact(visitorOf(first), first.sandboxId);
    await interact(visitorOf(forwarded), forwarded.sandboxId, "Globex expansion");
    const detail = await accountDetail(link.accountId);
    expect(
      detail?.people.map((person) => [person.number, person.visitorId, person.persona, person.actions.map((action) => action.sentence)]),
    ).toEqual([
      [1, visitorOf(first), "Sales leader", ["created deal ‘Globex renewal’ $40k"]],
      [2, visitorOf(forwarded), "Sales leader", ["created deal ‘Globex expansion’ $40k"]],
    ]);
    expect((await listAccounts()).find((account) => account.id === link.accountId)).toMatchObject({
      name: "Globex",
      people: 2,
      owner: "rep",
    });
  });

  it("keeps a visitor with the first account that reached them", async () => {
    const initech = await createShareLink({ company: "Initech", demo: "pipeline-basics" }, rep);
    const hooli = await createShareLink({ company: "Hooli", demo: "pipeline-basics" }, otherRep);
    const first = await openLink(`/try/pipeline-basics?via=${initech.token}`);
    const cookie = `${first.cookie.name}=${encodeURIComponent(first.cookie.value)}`;
    await openLink(`/try/pipeline-basics?via=${hooli.token}`, { cookie });
    expect((await rowOf(visitorOf(first)))?.accountId).toBe(initech.accountId);
  });

  it("still gives the demo for a revoked, expired, unknown or mangled link — unattributed", async () => {
    const revoked = await createShareLink({ company: "Umbrella", demo: "pipeline-basics" }, rep);
    await revokeShareLink(revoked.token, rep);
    const expired = await createShareLink({ company: "Soylent", demo: "pipeline-basics", expiresInDays: 1 }, rep);
    await s.run(
      s.db
        .update(t.shareLinks)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(t.shareLinks.token, expired.token)),
    );
    for (const via of [revoked.token, expired.token, "A".repeat(32), "../../etc", "%00", ""]) {
      const outcome = await openLink(`/try/pipeline-basics?via=${encodeURIComponent(via)}`);
      expect(outcome.location).toBe(`/s/${outcome.sandboxId}`);
      expect((await rowOf(visitorOf(outcome)))?.accountId).toBeNull();
    }
    expect((await listShareLinks()).find((link) => link.token === revoked.token)?.state).toBe("revoked");
    expect((await listShareLinks()).find((link) => link.token === expired.token)?.state).toBe("expired");
  });

  it("does not count a mail scanner's opening as a person or a visit until it interacts", async () => {
    const link = await createShareLink({ company: "Stark Industries", demo: "pipeline-basics" }, rep);
    const scanner = await openLink(`/try/pipeline-basics?via=${link.token}`);
    // A scanner loads the page (a view, a step shown) but never acts.
    await ingestBatch(
      { sandbox: scanner.sandboxId, events: [{ id: uuidv7(), type: "demo.viewed", at: Date.now(), demo: "pipeline-basics" }] },
      { visitorId: visitorOf(scanner), linkIdentity: true },
    );
    expect(await accountDetail(link.accountId)).toMatchObject({ people: [], openedOnly: 1 });
    expect((await listShareLinks()).find((candidate) => candidate.token === link.token)?.visits).toBe(0);
    await interact(visitorOf(scanner), scanner.sandboxId);
    expect((await accountDetail(link.accountId))?.people).toHaveLength(1);
    expect((await listShareLinks()).find((candidate) => candidate.token === link.token)?.visits).toBe(1);
  });

  it("never links a browser that sent GPC or Do-Not-Track: it is only counted", async () => {
    const link = await createShareLink({ company: "Wayne Enterprises", demo: "pipeline-basics" }, rep);
    const privateVisitor = await openLink(`/try/pipeline-basics?via=${link.token}`, { "sec-gpc": "1" });
    expect((await rowOf(visitorOf(privateVisitor)))?.accountId).toBeNull();
    expect(await accountDetail(link.accountId)).toMatchObject({ people: [], untracked: 1 });
  });

  it("provisions a flood of openings through the same per-client rate limit as any arrival", async () => {
    const link = await createShareLink({ company: "Cyberdyne", demo: "pipeline-basics" }, rep);
    const address = { [clientIpHeaderName]: "203.0.113.99", "user-agent": chrome };
    const outcomes = [];
    for (let count = 0; count < 8; count++)
      outcomes.push(
        await tryDemo("pipeline-basics", new Request(`http://localhost:3000/try/pipeline-basics?via=${link.token}`, { headers: address })),
      );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual([
      "open",
      "open",
      "open",
      "open",
      "open",
      "rate-limited",
      "rate-limited",
      "rate-limited",
    ]);
    expect(await accountDetail(link.accountId)).toMatchObject({ people: [], openedOnly: 5 });
  });
});

describe("creating share links", () => {
  it("refuses bad input with a message about the field, never a crash", async () => {
    const cases: [unknown, string][] = [
      [{}, "demo"],
      [{ demo: "pipeline-basics" }, "company"],
      [{ demo: "pipeline-basics", company: "   " }, "company"],
      [{ demo: "pipeline-basics", company: "x".repeat(10_000) }, "company"],
      [{ demo: "pipeline-basics", company: "Globex\u0007\nInc" }, "company"],
      [{ demo: "no-such-demo", company: "Globex" }, "demo"],
      [{ demo: "pipeline-basics", company: "Globex", persona: "ceo" }, "persona"],
      [{ demo: "pipeline-basics", company: "Globex", domain: "https://globex.com/x" }, "domain"],
      [{ demo: "pipeline-basics", company: "Globex", expiresInDays: "soon" }, "expiresInDays"],
      [{ demo: "pipeline-basics", accountId: "not-an-account" }, "accountId"],
    ];
    for (const [input, field] of cases) {
      await expect(createShareLink(input, rep), JSON.stringify(input).slice(0, 60)).rejects.toThrow(expect.objectContaining({ field }));
    }
  });

  it("treats someone else's account id as unknown", async () => {
    const theirs = await createShareLink({ company: "Massive Dynamic", demo: "pipeline-basics" }, otherRep);
    await expect(createShareLink({ accountId: theirs.accountId, demo: "pipeline-basics" }, rep)).rejects.toThrow(
      expect.objectContaining({ code: "not-found", field: "accountId" }),
    );
    await expect(revokeShareLink(theirs.token, rep)).rejects.toThrow(expect.objectContaining({ code: "not-found" }));
  });

  it("makes unguessable, URL-safe tokens of at least 128 bits", async () => {
    const tokens: string[] = [];
    for (let count = 0; count < 20; count++) tokens.push((await createShareLink({ company: "Acme", demo: "pipeline-basics" }, rep)).token);
    expect(new Set(tokens).size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 32 base64url characters = 192 bits
  });
});
