// Look over their shoulder: the prospect's sandbox as it is now, read-only, with the log of who looked.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { formatWhen } from "@/components/sales/format";
import { ShoulderViewBoard } from "@/components/sales/ShoulderViewBoard";
import { requireRole } from "@/lib/auth/team-session";
import { demoChoices } from "@/lib/insights/hot-list";
import { openShoulderView, type ShoulderViewLog } from "@/lib/shoulder-view/shoulder-view";

export const metadata: Metadata = { title: "Over their shoulder" };
// Every opening is logged, so nothing here may be prerendered or cached.
export const dynamic = "force-dynamic";

function ViewLog({ log }: { log: ShoulderViewLog }) {
  return (
    <>
      <h2>Who looked</h2>
      {log.length === 0 ? (
        <p className="muted">Nobody has looked yet.</p>
      ) : (
        <ol className="shoulder-log" aria-label="Openings of this view">
          {log.map((entry) => (
            <li key={`${entry.viewerName}-${entry.openedAt.getTime()}`} data-testid="shoulder-log-entry">
              {entry.viewerName} · {formatWhen(entry.openedAt)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export default async function ShoulderViewPage({ params }: { params: Promise<{ visitor: string }> }) {
  const { visitor: visitorId } = await params;
  const { user } = await requireRole("sales", { next: `/sales/visitors/${encodeURIComponent(visitorId)}/sandbox` });
  const view = await openShoulderView(visitorId, user);
  if (view.kind === "not-found") notFound();
  const back = (
    <p>
      <Link href={`/sales/visitors/${visitorId}`}>← Their journey</Link>
    </p>
  );
  // A visitor who sent GPC or Do-Not-Track is never viewable: 403, and app/forbidden.tsx says why.
  if (view.kind === "private") forbidden();
  if (view.kind === "shared-private") {
    return (
      <>
        {back}
        <h1>This copy is not shown</h1>
        <p data-testid="shoulder-shared-private">
          They work in a copy shared with someone whose browser asks not to be tracked, so nobody on the team can look at it.
        </p>
        <ViewLog log={view.log} />
      </>
    );
  }
  if (view.kind === "no-sandbox") {
    return (
      <>
        {back}
        <h1>No demo copy to look at</h1>
        <p>Their copy has expired or been reset since; they get a fresh one when they come back.</p>
        <ViewLog log={view.log} />
      </>
    );
  }
  const demoTitle = (await demoChoices()).find((demo) => demo.slug === view.demoSlug)?.title ?? view.demoSlug;
  return (
    <>
      {back}
      <h1>Over their shoulder: {view.workspace}</h1>
      <p className="shoulder-note" data-testid="shoulder-read-only">
        Read-only: this is their copy of {demoTitle} as it is right now. Nothing on this page can change it, and this opening is logged.
      </p>
      <ShoulderViewBoard view={view} />
      <ViewLog log={view.log} />
    </>
  );
}
