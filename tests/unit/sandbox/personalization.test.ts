import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { closeAllSandboxes, openSandbox, sandboxFile } from "@/lib/sandbox/handles";
import { parsePersonalization, workspaceFor } from "@/lib/sandbox/personalization";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { demoSlug, newVisitor, readWorkspace } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(async () => {
  closeAllSandboxes();
  await closeControlPlane();
});

const parse = (query: string) => parsePersonalization(new URLSearchParams(query));

describe("personalization from a /try link", () => {
  it("keeps a plain company name and a known persona", () => {
    expect(parse("company=Globex&persona=leader")).toEqual({ company: "Globex", persona: "leader" });
    expect(parse("company=%20%20Smith%20%26%20Sons,%20Inc.%20")).toEqual({ company: "Smith & Sons, Inc." });
    expect(parse("company=Crème-Brûlée%20O'Neil")).toEqual({ company: "Crème-Brûlée O'Neil" });
  });

  it("ignores markup, symbols, unknown personas and empty values instead of failing", () => {
    expect(parse("company=<script>alert(1)</script>")).toBeUndefined();
    expect(parse("company=a%22b")).toBeUndefined();
    expect(parse("company=Globex&persona=admin")).toEqual({ company: "Globex" });
    expect(parse("company=&persona=")).toBeUndefined();
    expect(parse("company=%20%20%20")).toBeUndefined();
    expect(parse("")).toBeUndefined();
  });

  it("strips control characters and limits the length to 40", () => {
    expect(parse("company=Glo%00bex%0A%1B%E2%80%A8Corp")).toEqual({ company: "Globex Corp" });
    expect(parse(`company=${"A".repeat(40)}`)).toEqual({ company: "A".repeat(40) });
    expect(parse(`company=${"A".repeat(41)}`)).toBeUndefined();
  });

  it("names the new sandbox's workspace after the company, and leaves others on the template's name", async () => {
    const personal = await provisionSandbox(await newVisitor(), demoSlug, { personalization: { company: "Globex", persona: "leader" } });
    const plain = await provisionSandbox(await newVisitor(), demoSlug);
    const shown = (sandbox: typeof personal) => workspaceFor(sandbox, openSandbox(sandbox.id));
    expect(shown(personal)).toBe("Globex");
    expect(shown(plain)).toBe("Acme Robotics");
    // The template file itself stays untouched: every sandbox starts byte-identical.
    expect(readWorkspace(sandboxFile(personal.id))).toBe("Acme Robotics");
    expect(personal.personalization).toEqual({ company: "Globex", persona: "leader" });
    expect(plain.personalization).toBeNull();
  });

  it("does not change a resumed sandbox when the link carries another company", async () => {
    const visitor = await newVisitor();
    const first = await provisionSandbox(visitor, demoSlug, { personalization: { company: "Globex" } });
    const again = await provisionSandbox(visitor, demoSlug, { personalization: { company: "Initrode" } });
    expect(again.id).toBe(first.id);
    const owned = await findOwnedSandbox(first.id, visitor);
    if (!owned) throw new Error("owner must find the sandbox");
    expect(workspaceFor(owned.sandbox, owned.db)).toBe("Globex");
  });

  it("takes the persona a returning visitor picks, on the same sandbox with their work kept", async () => {
    const visitor = await newVisitor();
    const first = await provisionSandbox(visitor, demoSlug, { personalization: { company: "Globex", persona: "leader" } });
    const unchanged = await provisionSandbox(visitor, demoSlug);
    expect(unchanged.personalization).toEqual({ company: "Globex", persona: "leader" });
    const switched = await provisionSandbox(visitor, demoSlug, { personalization: { company: "Initrode", persona: "rep" } });
    expect(switched.id).toBe(first.id);
    expect(switched.personalization).toEqual({ company: "Globex", persona: "rep" });
    expect((await findOwnedSandbox(first.id, visitor))?.sandbox.personalization).toEqual({ company: "Globex", persona: "rep" });
  });
});
