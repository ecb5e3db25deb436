// Funnels: one per demo, from opening it to finishing the tour and raising a hand.
import Link from "next/link";
import { requireTeamMember } from "@/lib/auth/team-session";
import { funnelOverview } from "@/lib/insights/funnels";

export default async function FunnelsPage() {
  await requireTeamMember({ next: "/sales/funnels" });
  const { demos } = await funnelOverview();
  return (
    <>
      <h1>Funnels</h1>
      <p className="muted">Where visitors of each demo stop: each person counts once per stage.</p>
      <ul data-testid="funnel-demos">
        {demos.map((demo) => (
          <li key={demo.slug}>
            <Link href={`/sales/funnels/${demo.slug}`}>{demo.title}</Link> — {demo.viewed} opened it, {demo.finished} finished the tour
          </li>
        ))}
      </ul>
    </>
  );
}
