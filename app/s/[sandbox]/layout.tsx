// The sample product's frame: only for the visitor who owns this sandbox; carries the tour.
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { ProductMenu } from "@/components/pipeline/ProductMenu";
import { ResetDemoButton } from "@/components/pipeline/ResetDemoButton";
import { SandboxProvider } from "@/components/pipeline/SandboxContext";
import { TalkToHuman } from "@/components/pipeline/TalkToHuman";
import { TourPlayer } from "@/components/tour/TourPlayer";
import { visitorThread } from "@/lib/conversations/conversations";
import { loadTourDemo } from "@/lib/demos/gallery";
import { storedPersonalization, workspaceFor } from "@/lib/sandbox/personalization";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import { resetSandboxAction } from "./actions";
import "@/components/pipeline/product.css";

export const metadata: Metadata = { title: "Pipeline demo", robots: { index: false, follow: false } };

export default async function SandboxLayout({ children, params }: { children: ReactNode; params: Promise<{ sandbox: string }> }) {
  const { sandbox: sandboxId } = await params;
  const { sandbox, db } = await requireOwnSandbox(sandboxId);
  const persona = storedPersonalization(sandbox.personalization)?.persona;
  const demo = loadTourDemo(sandbox.demoSlug, persona, (await headers()).get("accept-language"));
  const base = `/s/${sandbox.id}`;
  const thread = visitorThread(sandbox.visitorId);
  const workspace = workspaceFor(sandbox, db);
  return (
    <SandboxProvider sandboxId={sandbox.id} demoSlug={sandbox.demoSlug}>
      <header className="product-header">
        <div className="product-brand">
          <Link href={base} className="product-logo">
            Pipeline
          </Link>
          <span className="product-workspace" title={workspace}>
            {workspace}
          </span>
          <span className="demo-badge" title="Your own copy: changes stay in this browser's sandbox">
            Demo copy
          </span>
          <span className="demo-badge-note">Our team may look at this copy to help you.</span>
        </div>
        <nav aria-label="Product" className="product-nav">
          <ProductMenu>
            <Link href={base}>Deals board</Link>
            <Link href={`${base}/companies`}>Companies</Link>
            <Link href={`${base}/contacts`}>Contacts</Link>
            <Link href={`${base}/forecast`}>Forecast</Link>
            <Link href={`${base}/import`}>Import</Link>
            <ResetDemoButton action={resetSandboxAction.bind(null, sandbox.id)} />
          </ProductMenu>
          {/* Never folded into the menu: the tour points at it, at every width. */}
          <Link href={`${base}/deals/new`} className="button" data-tour="new-deal-button">
            New deal
          </Link>
          <TalkToHuman hasThread={thread !== null} unread={thread?.unread ?? 0} />
        </nav>
      </header>
      <main id="main" className="product-main">
        {children}
      </main>
      {demo ? <TourPlayer demo={demo} sandboxId={sandbox.id} /> : null}
    </SandboxProvider>
  );
}
