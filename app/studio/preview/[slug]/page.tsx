// /studio/preview/<demo>: the demo in the member's throwaway sandbox, with its step list, persona, locale and
// the element picker beside it. Never a prospect's visit: nothing here reaches /sales (lib/studio/preview).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DemosChangedRefresh } from "@/components/studio/DemosChangedRefresh";
import { PreviewStudio } from "@/components/studio/preview/PreviewStudio";
import { requireRole } from "@/lib/auth/team-session";
import { demoVersion } from "@/lib/studio/demo-version";
import { openPreviewPage } from "@/lib/studio/preview/preview-page";

export const metadata: Metadata = { title: "Preview · Openhouse studio", robots: { index: false, follow: false } };

export default async function PreviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const member = await requireRole("studio", { next: `/studio/preview/${encodeURIComponent(slug)}` });
  const page = await openPreviewPage(member.user.id, slug);
  if (!page) notFound();
  const version = demoVersion();
  // Under `npm run dev` a saved demo file bumps the version: the refresh re-renders this page, and the new key
  // remounts the preview, so its frame reloads with the edited tour.
  return (
    <>
      <DemosChangedRefresh version={version.version} watching={version.watching} />
      <PreviewStudio key={version.version} initial={page} />
    </>
  );
}
