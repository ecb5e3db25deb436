// Accounts: the companies reps sent links to, with the people who really explored.
import Link from "next/link";
import { formatWhen } from "@/components/sales/format";
import { listAccounts } from "@/lib/accounts/accounts";
import { requireRole } from "@/lib/auth/team-session";

export default async function AccountsPage() {
  await requireRole("sales", { next: "/sales/accounts" });
  const accounts = await listAccounts();
  return (
    <>
      <h1>Accounts</h1>
      <p className="muted">Each account’s people are the browsers its share links reached — found from forwarded links, never a form.</p>
      {accounts.length === 0 ? (
        <p className="card empty">
          No accounts yet. <Link href="/sales/links">Create a share link</Link> for a company to start one.
        </p>
      ) : (
        <div className="table-wrap card">
          <table className="visitors-table">
            <caption className="visually-hidden">Accounts, most recently active first</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">People</th>
                <th scope="col">Links</th>
                <th scope="col">Owner</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id} data-testid="account-row">
                  <td>
                    <Link href={`/sales/accounts/${account.id}`}>{account.name}</Link>
                    {account.domain ? <div className="muted">{account.domain}</div> : null}
                  </td>
                  <td data-testid="account-people">{account.people}</td>
                  <td>{account.links}</td>
                  <td>{account.owner ?? "Nobody"}</td>
                  <td>{account.lastSeenAt ? formatWhen(account.lastSeenAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
