// One demo in the studio: problems, last check, the funnel (chart and the table with the same numbers), split
// by persona path, locale and source and narrowed to one source by `?source=`, and every step's target-missing rates.
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FunnelChart } from "@/components/sales/FunnelChart";
import { FunnelSourceFilter, FunnelSourceNotices } from "@/components/sales/FunnelSourceFilter";
import { FunnelTable } from "@/components/sales/FunnelTable";
import { CheckStatus } from "@/components/studio/CheckStatus";
import { DemoProblems } from "@/components/studio/DemoProblems";
import { DemosChangedRefresh } from "@/components/studio/DemosChangedRefresh";
import { EmbedSection } from "@/components/studio/EmbedSection";
import { TargetMissingTable } from "@/components/studio/TargetMissingTable";
import { requireRole } from "@/lib/auth/team-session";
import { slugPattern } from "@/lib/demos/slug";
import { embedSettings } from "@/lib/embed/snippet";
import { describeSource, parseSourceFilter } from "@/lib/insights/funnel-sources";
import { studioDemo } from "@/lib/studio/demo-list";
import { demoVersion } from "@/lib/studio/demo-version";

export const dynamic = "force-dynamic";

export default async function StudioDemoPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const path = `/studio/demos/${encodeURIComponent(slug)}`;
  const { filter, error } = parseSourceFilter((await searchParams).source);
  await requireRole("studio", { next: path });
  const demo = slugPattern.test(slug) ? await studioDemo(slug, new Date(), filter) : undefined;
  if (!demo) notFound();
  const version = demoVersion();
  const { funnel } = demo;
  const shown = funnel ? describeSource(funnel.source) : "";
  return (
    <>
      <p>
        <Link href="/studio">← All demos</Link>
        {demo.registered ? (
          <>
            {" "}
            · <Link href={`/studio/preview/${encodeURIComponent(demo.slug)}`}>Preview: {demo.title}</Link>
          </>
        ) : null}
      </p>
      <h1>{demo.title}</h1>
      <DemosChangedRefresh version={version.version} watching={version.watching} />
      <DemoProblems problems={demo.problems} registered={demo.registered} />
      {demo.registered ? <EmbedSection slug={demo.slug} title={demo.title} {...embedSettings(await headers(), demo)} /> : null}
      <h2>Last browser check</h2>
      <CheckStatus check={demo.check} />
      <h2>Target missing per step</h2>
      <TargetMissingTable title={demo.title} steps={demo.steps} />
      {funnel ? (
        <>
          <h2>Funnel</h2>
          <FunnelSourceFilter action={path} sources={funnel.sources} filter={funnel.source} />
          <FunnelSourceNotices error={error} filter={funnel.source} sources={funnel.sources} clearHref={path} />
          {funnel.pending > 0 ? (
            <p className="notice">{funnel.pending.toLocaleString("en")} recent events are still being counted.</p>
          ) : null}
          <FunnelChart title={`${demo.title} funnel`} stages={funnel.stages} />
          <FunnelTable caption={`Funnel, ${shown}`} stages={funnel.stages} testId="funnel-table" />
          <FunnelTable caption={`Outcomes, ${shown}`} stages={funnel.outcomes} testId="outcomes-table" />
          <h2>By persona path</h2>
          {funnel.byPersona.length === 0 ? <p className="muted">No visitors yet.</p> : null}
          {funnel.byPersona.map((split) => (
            <FunnelTable key={split.label} caption={`Funnel, ${split.label}`} stages={split.stages} />
          ))}
          <h2>By locale</h2>
          {funnel.byLocale.length === 0 ? <p className="muted">No visitors yet.</p> : null}
          {funnel.byLocale.map((split) => (
            <FunnelTable key={split.label} caption={`Funnel, locale ${split.label}`} stages={split.stages} />
          ))}
          <h2>By source</h2>
          {funnel.bySource.length === 0 ? <p className="muted">No visitors yet.</p> : null}
          {funnel.bySource.map((split) => (
            <FunnelTable key={split.label} caption={`Funnel, ${split.label}`} stages={split.stages} testId="source-split" />
          ))}
        </>
      ) : (
        <p>No funnel: visitors cannot open this demo until its files load.</p>
      )}
    </>
  );
}
