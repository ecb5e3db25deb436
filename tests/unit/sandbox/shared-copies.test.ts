// Shared copies as the product runs them: a link to a copy, joining it, the cap, turning the link off, and who
// each write is recorded for — on real SQLite files (and PostgreSQL with test:unit:pg).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { lookUpForIngest } from "@/db/queries/events";
import { memberCount, membersOf } from "@/db/queries/shared-copies";
import { registerDemos } from "@/lib/demos/registry";
import { catchUpInsights } from "@/lib/insights/fold";
import { hotList } from "@/lib/insights/hot-list";
import { installRuntime } from "@/lib/runtime/runtime";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { actorName } from "@/lib/sandbox/copy-news";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import {
  copyNameInput,
  inspectInvite,
  inviteLinkFor,
  joinCopy,
  maxPeoplePerCopy,
  nameInCopy,
  peopleOfCopy,
  peopleSentence,
  turnOffInvite,
} from "@/lib/sandbox/shared-copies";
import { recordSandboxAction } from "@/lib/signals/record-action";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";
import { demoSlug, newVisitor } from "./helpers";

const runtime = installRuntime({ sandboxSpares: 0 });
beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
});
afterAll(() => runtime.close());

async function sharedCopy() {
  const owner = await newVisitor();
  const sandbox = await provisionSandbox(owner, demoSlug);
  const token = await inviteLinkFor(sandbox, owner);
  return { owner, sandbox, token };
}

async function gpcVisitor(): Promise<string> {
  const id = newId();
  await touchVisitor(id, { client: { browser: "Firefox", os: "Linux", device: "desktop", bot: false, doNotTrack: true } });
  return id;
}

describe("shared copies", () => {
  it("lets whoever opens the link into the same copy as themselves, and nobody else", async () => {
    const { owner, sandbox, token } = await sharedCopy();
    const colleague = await newVisitor();
    expect(await joinCopy(token, colleague)).toEqual({ kind: "joined", sandboxId: sandbox.id });
    const opened = await findOwnedSandbox(sandbox.id, colleague);
    expect(opened?.sandbox.id).toBe(sandbox.id);
    expect(opened?.kind === "visitor" && opened.visitorId).toBe(colleague);
    expect(await findOwnedSandbox(sandbox.id, await newVisitor())).toBeUndefined();
    expect((await peopleOfCopy(sandbox.id, owner)).map((person) => person.label)).toEqual(["You", "Colleague 1"]);
    expect((await peopleOfCopy(sandbox.id, colleague)).map((person) => person.label)).toEqual(["Colleague 1", "You"]);
    expect(peopleSentence(await peopleOfCopy(sandbox.id, owner))).toBe("You and 1 colleague");
    // The same link again is the same membership, not a second one.
    expect(await joinCopy(token, colleague)).toEqual({ kind: "member", sandboxId: sandbox.id });
    expect(await memberCount(sandbox.id)).toBe(2);
  });

  it("gives the copy one link until it is turned off; a link turned off lets nobody in, and a new one works", async () => {
    const { owner, sandbox, token } = await sharedCopy();
    expect(await inviteLinkFor(sandbox, owner)).toBe(token);
    const early = await newVisitor();
    expect((await joinCopy(token, early)).kind).toBe("joined");
    expect(await turnOffInvite(sandbox.id)).toBe(true);
    const late = await newVisitor();
    expect(await joinCopy(token, late)).toEqual({ kind: "off", demoSlug });
    expect(await inspectInvite(token, late)).toEqual({ kind: "off", demoSlug });
    expect(await findOwnedSandbox(sandbox.id, late)).toBeUndefined();
    // Who joined before stays in; turning it off is about the link, not the people.
    expect(await findOwnedSandbox(sandbox.id, early)).toBeDefined();
    const fresh = await inviteLinkFor(sandbox, early);
    expect(fresh).not.toBe(token);
    expect((await joinCopy(fresh, late)).kind).toBe("joined");
    expect(await joinCopy(token, await newVisitor())).toEqual({ kind: "off", demoSlug });
    expect(await memberCount(sandbox.id)).toBe(3);
  });

  it(`holds at most ${maxPeoplePerCopy} people, the owner included; the next one finds it full and nothing is stored`, async () => {
    const { sandbox, token } = await sharedCopy();
    for (let joined = 1; joined < maxPeoplePerCopy; joined++) expect((await joinCopy(token, await newVisitor())).kind).toBe("joined");
    expect(await memberCount(sandbox.id)).toBe(maxPeoplePerCopy);
    const eleventh = await newVisitor();
    expect(await inspectInvite(token, eleventh)).toEqual({ kind: "full", demoSlug });
    expect(await joinCopy(token, eleventh)).toEqual({ kind: "full", demoSlug });
    expect(await memberCount(sandbox.id)).toBe(maxPeoplePerCopy);
    expect(await findOwnedSandbox(sandbox.id, eleventh)).toBeUndefined();
  });

  it("holds the cap when many join at once", async () => {
    const { sandbox, token } = await sharedCopy();
    const joiners = await Promise.all(Array.from({ length: maxPeoplePerCopy + 4 }, () => newVisitor()));
    const outcomes = await Promise.all(joiners.map((visitor) => joinCopy(token, visitor)));
    expect(outcomes.filter((outcome) => outcome.kind === "joined")).toHaveLength(maxPeoplePerCopy - 1);
    expect(outcomes.filter((outcome) => outcome.kind === "full")).toHaveLength(5);
    expect(await memberCount(sandbox.id)).toBe(maxPeoplePerCopy);
  });

  it("refuses joining your own copy, and forged or truncated links, storing nothing", async () => {
    const { owner, sandbox, token } = await sharedCopy();
    expect(await joinCopy(token, owner)).toEqual({ kind: "own", sandboxId: sandbox.id });
    const stranger = await newVisitor();
    const forged = `${token.startsWith("A") ? "B" : "A"}${token.slice(1)}`;
    for (const bad of [token.slice(0, -1), forged, "", "../x", 42]) expect(await joinCopy(bad, stranger)).toEqual({ kind: "unknown" });
    expect(await memberCount(sandbox.id)).toBe(1);
  });

  it("records each write for the person who made it, and a GPC colleague's for nobody", async () => {
    const { owner, sandbox, token } = await sharedCopy();
    const colleague = await newVisitor();
    const gpc = await gpcVisitor();
    await joinCopy(token, colleague);
    await joinCopy(token, gpc);
    const moved = (deal: string) => ({ kind: "deal.stage_changed" as const, detail: { deal, from: "qualified", to: "won" } });
    await recordSandboxAction(sandbox, moved("by the owner"), owner);
    await recordSandboxAction(sandbox, moved("by a colleague"), colleague);
    await recordSandboxAction(sandbox, moved("by someone private"), gpc);
    const actions = await s.all(
      s.db
        .select({ visitorId: t.events.visitorId, sandboxId: t.events.sandboxId, props: t.events.props })
        .from(t.events)
        .where(and(eq(t.events.type, "sandbox.action"), eq(t.events.demoSlug, demoSlug))),
    );
    const by = (deal: string) => actions.find((row) => row.props?.deal === deal);
    expect(by("by the owner")).toMatchObject({ visitorId: owner, sandboxId: sandbox.id });
    expect(by("by a colleague")).toMatchObject({ visitorId: colleague, sandboxId: sandbox.id });
    // Counted, never linked: neither to them nor to the copy.
    expect(by("by someone private")).toMatchObject({ visitorId: null, sandboxId: null });
    // Their signals (the tour's) belong to the copy they joined.
    expect((await lookUpForIngest(colleague, sandbox.id)).sandboxOwned).toBe(true);
    expect((await lookUpForIngest(await newVisitor(), sandbox.id)).sandboxOwned).toBe(false);
    // The GPC colleague works in the copy but is not listed, and their writes are told as "Someone".
    expect((await peopleOfCopy(sandbox.id, owner)).map((person) => person.label)).toEqual(["You", "Colleague 1"]);
    expect((await peopleOfCopy(sandbox.id, gpc)).map((person) => person.label)).toEqual(["Colleague 1", "Colleague 2", "You"]);
    const rows = await membersOf(sandbox.id);
    expect(actorName(rows.find((row) => row.visitorId === gpc))).toBe("Someone");
    expect(actorName(rows.find((row) => row.visitorId === colleague))).toBe("A colleague");
  });

  it("brings a colleague into the account of an owner who came through a rep's share link", async () => {
    const { owner, token } = await sharedCopy();
    const accountId = newId();
    await s.run(s.db.insert(t.accounts).values({ id: accountId, name: "Globex" }));
    await s.run(s.db.update(t.visitors).set({ accountId, shareLinkToken: "a-share-link" }).where(eq(t.visitors.id, owner)));
    const colleague = await newVisitor();
    const gpc = await gpcVisitor();
    await joinCopy(token, colleague);
    await joinCopy(token, gpc);
    const accountOf = async (id: string) => (await s.one(s.db.select().from(t.visitors).where(eq(t.visitors.id, id))))?.accountId;
    expect(await accountOf(colleague)).toBe(accountId);
    expect(await accountOf(gpc)).toBeNull();
  });

  it("shows a name a person typed for themselves to the others, and nowhere but in their copy", async () => {
    const { owner, sandbox, token } = await sharedCopy();
    const colleague = await newVisitor();
    await joinCopy(token, colleague);
    const owned = await findOwnedSandbox(sandbox.id, colleague);
    if (!owned) throw new Error("the colleague cannot open the copy");
    const named = copyNameInput.parse({ name: "  Dana  " });
    expect(await nameInCopy(owned, named)).toBeUndefined();
    expect((await peopleOfCopy(sandbox.id, owner)).map((person) => person.label)).toEqual(["You", "Dana"]);
    expect((await peopleOfCopy(sandbox.id, colleague)).map((person) => person.label)).toEqual(["Colleague 1", "You"]);
    expect(copyNameInput.safeParse({ name: "x".repeat(41) }).success).toBe(false);
    expect(copyNameInput.safeParse({ name: "bell\u0007" }).success).toBe(false);
    await nameInCopy(owned, copyNameInput.parse({ name: "" }));
    expect((await peopleOfCopy(sandbox.id, owner)).map((person) => person.label)).toEqual(["You", "Colleague 1"]);
  });

  it("makes a shared copy without an account one group for the rep: its owner and colleagues, never a GPC colleague", async () => {
    const owner = await newVisitor();
    const sandbox = await provisionSandbox(owner, demoSlug, { personalization: { company: "Initech" } });
    const token = await inviteLinkFor(sandbox, owner);
    const [first, second, gpc] = [await newVisitor(), await newVisitor(), await gpcVisitor()];
    for (const visitor of [first, second, gpc]) await joinCopy(token, visitor);
    const group = await s.one(s.db.select().from(t.accounts).where(eq(t.accounts.sandboxId, sandbox.id)));
    expect(group?.name).toBe("Initech (shared copy)");
    const rows = await s.all(
      s.db
        .select({ id: t.visitors.id, accountId: t.visitors.accountId })
        .from(t.visitors)
        .where(eq(t.visitors.accountId, group?.id ?? "")),
    );
    expect(rows.map((row) => row.id).sort()).toEqual([owner, first, second].sort());
  });

  it("takes an owner who only shared the link off the anonymous rows of the hot list as a colleague joins: the group has them", async () => {
    const owner = await newVisitor();
    const sandbox = await provisionSandbox(owner, demoSlug);
    const moved = { kind: "deal.stage_changed" as const, detail: { deal: "Umbrella pilot", from: "qualified", to: "won" } };
    await recordSandboxAction(sandbox, moved, owner);
    await catchUpInsights();
    const listed = async () => {
      const result = await hotList({ who: "all" }, { limit: 1000 });
      if (!result.ok) throw new Error(result.error);
      return result.list.entries;
    };
    expect((await listed()).some((entry) => entry.kind === "visitor" && entry.id === owner)).toBe(true);

    const token = await inviteLinkFor(sandbox, owner);
    const colleague = await newVisitor();
    await joinCopy(token, colleague);
    // Nothing more from the owner: they are gone from the anonymous rows at once.
    expect((await listed()).some((entry) => entry.kind === "visitor" && entry.id === owner)).toBe(false);
    await recordSandboxAction(sandbox, { ...moved, detail: { ...moved.detail, from: "won", to: "lost" } }, colleague);
    const group = (await listed()).find((entry) => entry.kind === "account" && entry.name === `Shared copy ${sandbox.id.slice(0, 6)}`);
    expect(group).toMatchObject({ kind: "account", people: 2 });
  });
});
