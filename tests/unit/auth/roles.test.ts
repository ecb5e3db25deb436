// Roles and the one guard: who may use which area, the first member as admin, and a team that always keeps one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { auth } from "@/lib/auth/auth";
import { mayUse, permissionForPath, roles } from "@/lib/auth/roles";
import { addTeamMember, changeTeamRole, listTeamMembers, removeTeamMemberById, setTeamRole } from "@/lib/auth/team";
import { memberForRequest } from "@/lib/auth/team-session";

beforeAll(() => migrateControlPlane());
afterAll(() => closeControlPlane());

const password = "correct horse battery";

async function requestAs(email: string): Promise<Request> {
  const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return new Request("http://localhost/api/sales/x", { headers: { cookie } });
}

describe("roles", () => {
  it("lets admins and reps into the sales workspace, admins and marketers into the studio, admins alone manage the team", () => {
    const table = Object.fromEntries(roles.map((role) => [role, [mayUse(role, "sales"), mayUse(role, "studio"), mayUse(role, "team")]]));
    expect(table).toEqual({ admin: [true, true, true], rep: [true, false, false], marketer: [false, true, false] });
    expect(mayUse("owner", "sales")).toBe(false);
    expect(mayUse(undefined, "sales")).toBe(false);
  });

  it("files each path under the area it belongs to", () => {
    expect(permissionForPath("/sales/team")).toBe("team");
    expect(permissionForPath("/api/sales/team/abc")).toBe("team");
    expect(permissionForPath("/studio")).toBe("studio");
    expect(permissionForPath("/sales/teams")).toBe("sales");
    expect(permissionForPath("/sales/accounts")).toBe("sales");
  });
});

describe("the team's roles", () => {
  it("makes the first member of an empty team an admin whatever was asked, and later ones reps by default", async () => {
    expect((await addTeamMember({ email: "first@example.com", password, role: "marketer" })).role).toBe("admin");
    expect((await addTeamMember({ email: "second@example.com", password })).role).toBe("rep");
    expect((await addTeamMember({ email: "third@example.com", password, role: "marketer" })).role).toBe("marketer");
  });

  it("refuses an unknown role, saying which exist", async () => {
    await expect(addTeamMember({ email: "fourth@example.com", password, role: "owner" as never })).rejects.toMatchObject({
      code: "invalid-input",
      field: "role",
      message: expect.stringContaining("admin, rep, marketer"),
    });
    await expect(setTeamRole("second@example.com", "boss")).rejects.toMatchObject({ code: "invalid-input" });
  });

  it("never leaves the team without an admin, by demotion or removal", async () => {
    const first = (await listTeamMembers()).find((member) => member.email === "first@example.com");
    if (!first) throw new Error("no first member");
    await expect(changeTeamRole(first.id, "rep")).rejects.toThrow(/only admin/);
    await expect(removeTeamMemberById(first.id)).rejects.toThrow(/only admin/);
    await setTeamRole("second@example.com", "admin");
    expect((await changeTeamRole(first.id, "rep")).role).toBe("rep");
    const second = (await listTeamMembers()).find((member) => member.email === "second@example.com");
    await expect(removeTeamMemberById(second?.id ?? "")).rejects.toThrow(/only admin/);
    expect((await listTeamMembers()).filter((member) => member.role === "admin").map((member) => member.email)).toEqual([
      "second@example.com",
    ]);
  });

  it("answers a stranger 401 and a role that may not use the area 403, over the session a member really gets", async () => {
    await expect(memberForRequest(new Request("http://localhost/api/sales/x"), "sales")).rejects.toMatchObject({ status: 401 });
    await expect(memberForRequest(await requestAs("third@example.com"), "sales")).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Your role (marketer) cannot use the sales workspace"),
    });
    expect((await memberForRequest(await requestAs("first@example.com"), "sales")).user.email).toBe("first@example.com");
    await expect(memberForRequest(await requestAs("first@example.com"), "team")).rejects.toMatchObject({ status: 403 });
  });

  it("signs a removed member out at once", async () => {
    const request = await requestAs("third@example.com");
    expect((await memberForRequest(request, "studio")).user.role).toBe("marketer");
    const third = (await listTeamMembers()).find((member) => member.email === "third@example.com");
    await removeTeamMemberById(third?.id ?? "");
    await expect(memberForRequest(request, "studio")).rejects.toMatchObject({ status: 401 });
  });
});
