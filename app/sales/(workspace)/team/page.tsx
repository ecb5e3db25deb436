// The team: everyone in the workspace sees who is on it; only admins get the controls to change it (and the
// API refuses anyone else whatever they send).

import { AddMemberForm } from "@/components/sales/AddMemberForm";
import { formatWhen } from "@/components/sales/format";
import { MemberControls } from "@/components/sales/MemberControls";
import { mayUse, roleLabels } from "@/lib/auth/roles";
import { listTeamMembers } from "@/lib/auth/team";
import { requireRole } from "@/lib/auth/team-session";

export default async function TeamPage() {
  const { user } = await requireRole("sales", { next: "/sales/team" });
  const manages = mayUse(user.role, "team");
  const members = await listTeamMembers();
  return (
    <>
      <h1>Team</h1>
      <p className="muted">
        Admins manage the team; sales reps work accounts and links; marketers write demos in the studio.
        {manages ? "" : " Ask an admin to add someone or to change a role."}
      </p>
      <div className="table-wrap card">
        <table className="visitors-table">
          <caption className="visually-hidden">Team members</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Added</th>
              {manages ? <th scope="col">Manage</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} data-testid="member-row">
                <td>
                  {member.name}
                  <div className="muted">{member.email}</div>
                </td>
                <td data-testid="member-role">{roleLabels[member.role]}</td>
                <td>{formatWhen(member.createdAt)}</td>
                {manages ? (
                  <td>
                    <MemberControls
                      key={`${member.id}-${member.role}-${member.name}`}
                      id={member.id}
                      email={member.email}
                      name={member.name}
                      role={member.role}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {manages ? <AddMemberForm /> : null}
    </>
  );
}
