// /studio/preview/<demo>: the demo in the member's throwaway sandbox, with its step list, persona, locale and
// the element picker beside it. Never a prospect's visit: nothing here reaches /sales (lib/studio/preview).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewStudio } from "@/components/studio/preview/PreviewStudio";
import { requireRole } from "@/lib/auth/team-session";
import { openPreviewPage } from "@/lib/studio/preview/preview-page";

export const metadata: Metadata = { title: "Preview · Openhouse studio", robots: { index: false, follow: false } };

export default async function PreviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const member = await requireRole("studio", { next: `/studio/preview/${encodeURIComponent(slug)}` });
  const page = openPreviewPage(member.user.id, slug);
  if (!page) notFound();
  return <PreviewStudio initial={page} />;
}
