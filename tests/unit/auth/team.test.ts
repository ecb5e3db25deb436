import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { auth } from "@/lib/auth/auth";
import { addTeamMember, changeTeamMember, listTeamMembers, removeTeamMember, renameTeamMemberByEmail, setPassword } from "@/lib/auth/team";
import { s, t } from "../control-plane";

beforeAll(() => migrateControlPlane());
afterAll(() => closeControlPlane());

const password = "correct horse battery";

async function storedPassword(email: string): Promise<string | null | undefined> {
  return (
    await s.one(
      s.db
        .select({ password: t.account.password })
        .from(t.account)
        .innerJoin(t.user, eq(t.account.userId, t.user.id))
        .where(eq(t.user.email, email)),
    )
  )?.password;
}

async function signsIn(email: string, pw: string): Promise<boolean> {
  try {
    await auth().api.signInEmail({ body: { email, password: pw } });
    return true;
  } catch {
    return false;
  }
}

describe("the sales team's accounts", () => {
  it("adds a member whose password is stored as a scrypt hash, never as given", async () => {
    const added = await addTeamMember({ email: " Ada@Example.com ", password, name: "Ada" });
    expect(added).toMatchObject({ email: "ada@example.com", name: "Ada" });
    const stored = await storedPassword("ada@example.com");
    expect(stored).not.toContain(password);
    // better-auth's scrypt format: hex(salt):hex(key).
    expect(stored).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await (await auth().$context).password.verify({ hash: stored ?? "", password })).toBe(true);
  });

  it("refuses the same email twice, whatever its case", async () => {
    await expect(addTeamMember({ email: "ADA@example.com", password })).rejects.toMatchObject({
      code: "duplicate",
      message: expect.stringContaining("ada@example.com is already a team member"),
    });
  });

  it("refuses a malformed email and a short password, saying what to fix", async () => {
    await expect(addTeamMember({ email: "ada.example.com", password })).rejects.toThrow(/not an email address/);
    await expect(addTeamMember({ email: "bob@example.com", password: "too-short" })).rejects.toThrow(
      /too short: use at least 10 characters/,
    );
    expect((await listTeamMembers()).map((member) => member.email)).toEqual(["ada@example.com"]);
  });

  it("lets a member sign in with the right password only", async () => {
    const signedIn = await auth().api.signInEmail({ body: { email: "ada@example.com", password } });
    expect(signedIn.user.email).toBe("ada@example.com");
    expect(signedIn.token).toBeTruthy();
    await expect(auth().api.signInEmail({ body: { email: "ada@example.com", password: "wrong password!" } })).rejects.toMatchObject({
      statusCode: 401,
    });
  });

  it("changes a password and ends the member's sessions", async () => {
    const { headers } = await auth().api.signInEmail({ body: { email: "ada@example.com", password }, returnHeaders: true });
    const cookie = (headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const sessionOf = () => auth().api.getSession({ headers: new Headers({ cookie }) });
    expect((await sessionOf())?.user.email).toBe("ada@example.com");

    await setPassword("ada@example.com", "a brand new passphrase");
    expect(await sessionOf()).toBeNull();
    expect(await signsIn("ada@example.com", password)).toBe(false);
    expect(await signsIn("ada@example.com", "a brand new passphrase")).toBe(true);
  });

  it("renames a member with the same plain-text rule as a new member's name, and nothing else on the way", async () => {
    expect((await renameTeamMemberByEmail("ada@example.com", "  Ada Lovelace ")).name).toBe("Ada Lovelace");
    await expect(renameTeamMemberByEmail("ada@example.com", "Ada\nAdmin")).rejects.toThrow(/control characters/);
    await expect(renameTeamMemberByEmail("ada@example.com", "   ")).rejects.toThrow(/Type a name/);
    await expect(renameTeamMemberByEmail("ada@example.com", "A".repeat(101))).rejects.toThrow(/too long/);
    const [ada] = await listTeamMembers();
    await expect(changeTeamMember(ada?.id ?? "", { name: "Ada", email: "evil@example.com" })).rejects.toThrow(
      /Only a member's name and role/,
    );
    expect(await changeTeamMember(ada?.id ?? "", { name: "Ada L." })).toMatchObject({ name: "Ada L.", email: "ada@example.com" });
    await expect(changeTeamMember("no-such-member", { name: "Bob" })).rejects.toThrow(/No team member has that id/);
  });

  it("removes a member, who can then no longer sign in", async () => {
    await addTeamMember({ email: "bob@example.com", password });
    await removeTeamMember("bob@example.com");
    expect(await signsIn("bob@example.com", password)).toBe(false);
    await expect(removeTeamMember("bob@example.com")).rejects.toMatchObject({ code: "not-found" });
  });
});
