// One account: its people in order of first visit (Visitor 1, 2, 3 …), what each did, its links, its owner.

import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountScore } from "@/components/sales/AccountScore";
import { formatWhen } from "@/components/sales/format";
import { OwnerForm } from "@/components/sales/OwnerForm";
import { accountDetail, possibleOwners } from "@/lib/accounts/accounts";
import { requireRole } from "@/lib/auth/team-session";

export default async function AccountPage({ params }: { params: Promise<{ account: string }> }) {
  const { account: accountId } = await params;
  const { user } = await requireRole("sales", { next: `/sales/accounts/${encodeURIComponent(accountId)}` });
  const detail = await accountDetail(accountId);
  if (!detail) notFound();
  const { account, people, links, openedOnly, untracked } = detail;
  return (
    <>
      <p>
        <Link href="/sales/accounts">← All accounts</Link>
      </p>
      <h1>{account.name}</h1>
      <p className="muted">
        {account.domain ? `${account.domain} · ` : ""}
        {people.length} {people.length === 1 ? "person" : "people"} · {links.length} {links.length === 1 ? "link" : "links"} ·{" "}
        <Link href={`/sales/accounts/${encodeURIComponent(account.id)}/journey`}>Journey of everyone</Link>
      </p>
      <AccountScore accountId={account.id} />
      {user.role === "admin" ? (
        <OwnerForm
          accountId={account.id}
          ownerUserId={account.ownerUserId}
          owners={(await possibleOwners()).map(({ id, name }) => ({ id, name }))}
        />
      ) : (
        <p>Owner: {account.owner ?? "nobody"}</p>
      )}
      <h2>People</h2>
      {people.length === 0 ? (
        <p className="card empty">Nobody has done anything in the demo yet. Openings by mail scanners and link previews are not counted.</p>
      ) : (
        <ol className="account-people">
          {people.map((person) => (
            <li key={person.visitorId} className="card account-person" data-testid="account-person">
              <h3>
                <Link href={`/sales/visitors/${person.visitorId}`}>Visitor {person.number}</Link>
              </h3>
              <p className="muted">
                {[person.client, person.persona ? `as ${person.persona}` : "", `last seen ${formatWhen(person.lastSeenAt)}`]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {person.actions.length > 0 ? (
                <ul className="person-actions" aria-label={`What visitor ${person.number} did`}>
                  {person.actions.map((action) => (
                    <li key={action.id} data-testid="person-action">
                      {action.sentence}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Followed the tour; no changes in the product yet.</p>
              )}
              <p>
                <Link href={`/sales/visitors/${person.visitorId}/sandbox`} prefetch={false}>
                  Look over their shoulder
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
      {openedOnly > 0 || untracked > 0 ? (
        <p className="muted" data-testid="not-counted">
          Not counted as people:{" "}
          {[
            openedOnly > 0
              ? `${openedOnly} ${openedOnly === 1 ? "opening" : "openings"} that never interacted (mail scanners, link previews)`
              : "",
            untracked > 0 ? `${untracked} from ${untracked === 1 ? "a browser" : "browsers"} that asked not to be tracked` : "",
          ]
            .filter(Boolean)
            .join("; ")}
          .
        </p>
      ) : null}
      <h2>Links</h2>
      <ul>
        {links.map((link) => (
          <li key={link.token}>
            {link.demoSlug} · {link.state} · {link.visits} {link.visits === 1 ? "visit" : "visits"} · made {formatWhen(link.createdAt)}
          </li>
        ))}
      </ul>
      <p>
        <Link href="/sales/links">Make another link</Link>
      </p>
    </>
  );
}
