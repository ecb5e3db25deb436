// Share links: make one for an account, copy it, see who it brought (people who interacted), revoke it.
import Link from "next/link";
import { CopyLinkButton } from "@/components/sales/CopyLinkButton";
import { formatWhen } from "@/components/sales/format";
import { RevokeLinkButton } from "@/components/sales/RevokeLinkButton";
import { ShareLinkForm } from "@/components/sales/ShareLinkForm";
import { listAccounts } from "@/lib/accounts/accounts";
import { listDemoOptions } from "@/lib/accounts/demo-options";
import { listShareLinks, mayRevoke } from "@/lib/accounts/share-links";
import { requireRole } from "@/lib/auth/team-session";
import { type PersonaId, personaLabels } from "@/lib/demos/personas";
import { revokeShareLinkAction } from "./actions";

const stateLabels = { live: "Live", revoked: "Revoked", expired: "Expired" } as const;

export default async function LinksPage() {
  const { user } = await requireRole("sales", { next: "/sales/links" });
  const links = await listShareLinks();
  const mine = (await listAccounts()).filter((account) => user.role === "admin" || account.ownerUserId === user.id);
  return (
    <>
      <h1>Share links</h1>
      <p className="muted">
        Send a link to someone at an account: whoever opens it — and everyone they forward it to — shows up under that account. Mail
        scanners and link previews count only once they really do something.
      </p>
      <ShareLinkForm demos={await listDemoOptions()} accounts={mine.map(({ id, name }) => ({ id, name }))} />
      <h2>Links</h2>
      {links.length === 0 ? (
        <p className="card empty">No links yet. Create one above and send it to a prospect.</p>
      ) : (
        <div className="table-wrap card">
          <table className="visitors-table">
            <caption className="visually-hidden">Share links, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Demo</th>
                <th scope="col">Made</th>
                <th scope="col">Visits</th>
                <th scope="col">Status</th>
                <th scope="col">Link</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => {
                const path = `/try/${link.demoSlug}?via=${link.token}`;
                return (
                  <tr key={link.token} data-testid="link-row">
                    <td>
                      <Link href={`/sales/accounts/${link.accountId}`}>{link.accountName}</Link>
                    </td>
                    <td>
                      {link.demoSlug}
                      {link.persona ? <div className="muted">as {personaLabels[link.persona as PersonaId] ?? link.persona}</div> : null}
                    </td>
                    <td>
                      {formatWhen(link.createdAt)}
                      <div className="muted">by {link.createdBy ?? "a former member"}</div>
                    </td>
                    <td data-testid="link-visits">
                      {link.visits}
                      {link.untrackedOpenings > 0 ? <div className="muted">+{link.untrackedOpenings} untracked</div> : null}
                    </td>
                    <td data-testid="link-state">
                      {stateLabels[link.state]}
                      {link.state === "live" && link.expiresAt ? <div className="muted">until {formatWhen(link.expiresAt)}</div> : null}
                    </td>
                    <td>
                      {link.state === "live" ? (
                        <span className="link-actions">
                          <CopyLinkButton path={path} />
                          {mayRevoke(link, user) ? (
                            <RevokeLinkButton token={link.token} account={link.accountName} revoke={revokeShareLinkAction} />
                          ) : null}
                        </span>
                      ) : (
                        <span className="muted">Opens the demo unattributed</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
