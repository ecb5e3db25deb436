// What each team role may do, in one table: the guard (team-session.ts), the team page and the CLI read it.
// Pure and dependency-free, so client components can show or hide controls from the same rules.

export const roles = ["admin", "rep", "marketer"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = { admin: "Admin", rep: "Sales rep", marketer: "Marketer" };

/** Areas of the product a member may enter; each names the roles allowed in. */
export const permissions = {
  /** /sales and /api/sales: visitors, accounts, share links, the shoulder view. */
  sales: ["admin", "rep"],
  /** /studio and /api/studio (demo authoring, later). */
  studio: ["admin", "marketer"],
  /** Adding, removing and changing team members. */
  team: ["admin"],
  /** Alert webhooks: where the team's alerts go, and their signing secrets. */
  webhooks: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export const permissionLabels: Record<Permission, string> = {
  sales: "the sales workspace",
  studio: "the demo studio",
  team: "team management",
  webhooks: "webhook settings",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export function mayUse(role: unknown, permission: Permission): boolean {
  return isRole(role) && (permissions[permission] as readonly Role[]).includes(role);
}

/** "admins and reps": who may use an area, for the refusal page. */
export function whoMayUse(permission: Permission): string {
  const plural: Record<Role, string> = { admin: "admins", rep: "sales reps", marketer: "marketers" };
  const names = permissions[permission].map((role) => plural[role]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "nobody");
}

/** The area a path belongs to, for telling a refused member what they tried to open. */
export function permissionForPath(pathname: string): Permission {
  if (/^\/(api\/)?sales\/team(\/|$)/.test(pathname)) return "team";
  if (/^\/(api\/)?sales\/webhooks(\/|$)/.test(pathname)) return "webhooks";
  if (/^\/(api\/)?studio(\/|$)/.test(pathname)) return "studio";
  return "sales";
}
