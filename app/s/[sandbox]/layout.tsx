// The sample product's frame: only for the visitor who owns this sandbox (or the member whose studio preview
// it is); carries the tour.
import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { EmbeddedFrame } from "@/components/embed/EmbeddedFrame";
import { InviteColleague } from "@/components/pipeline/InviteColleague";
import { ProductMenu } from "@/components/pipeline/ProductMenu";
import { ResetDemoButton } from "@/components/pipeline/ResetDemoButton";
import { SandboxProvider } from "@/components/pipeline/SandboxContext";
import { SharedCopyLive } from "@/components/pipeline/SharedCopyLive";
import { TalkToHuman } from "@/components/pipeline/TalkToHuman";
import { openingScript } from "@/components/tour/opening-card";
import { TourPlayer } from "@/components/tour/TourPlayer";
import { visitorThread } from "@/lib/conversations/conversations";
import { loadTourDemo } from "@/lib/demos/gallery";
import { embeddingOriginOf, frameOriginCookie } from "@/lib/embed/frame-origin";
import { nonceOf } from "@/lib/http/security-headers";
import { presentInCopy } from "@/lib/sandbox/copy-presence";
import { storedPersonalization, workspaceFor } from "@/lib/sandbox/personalization";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import { copyOverview, maxPeoplePerCopy, peopleSentence } from "@/lib/sandbox/shared-copies";
import { makeInviteLinkAction, nameInCopyAction, resetSandboxAction, turnOffInviteLinkAction } from "./actions";
import "@/components/pipeline/product.css";

export const metadata: Metadata = { title: "Pipeline demo", robots: { index: false, follow: false } };

export default async function SandboxLayout({ children, params }: { children: ReactNode; params: Promise<{ sandbox: string }> }) {
  const { sandbox: sandboxId } = await params;
  const owned = await requireOwnSandbox(sandboxId);
  const { sandbox, db } = owned;
  const persona = storedPersonalization(sandbox.personalization)?.persona;
  // A preview shows the locale the member picked in the studio, whatever their browser prefers.
  const preview = owned.kind === "preview";
  const requestHeaders = await headers();
  const locale = owned.kind === "preview" && owned.sandbox.locale ? owned.sandbox.locale : requestHeaders.get("accept-language");
  const demo = await loadTourDemo(sandbox.demoSlug, persona, locale);
  const base = `/s/${sandbox.id}`;
  const thread = owned.kind === "visitor" ? await visitorThread(owned.visitorId) : null;
  const workspace = workspaceFor(sandbox, db);
  // A studio preview is nobody's copy to share.
  const copy = owned.kind === "visitor" ? await copyOverview(sandbox.id, owned.visitorId) : undefined;
  const shared = copy?.shared === true;
  const present = shared && owned.kind === "visitor" ? await presentInCopy(sandbox.id, owned.visitorId) : 1;
  return (
    <SandboxProvider sandboxId={sandbox.id} demoSlug={sandbox.demoSlug}>
      <EmbeddedFrame
        hostOrigin={
          owned.kind === "visitor" ? embeddingOriginOf((await cookies()).get(frameOriginCookie)?.value, requestHeaders) : undefined
        }
      />
      <header className="product-header">
        <div className="product-brand">
          <Link href={base} className="product-logo">
            Pipeline
          </Link>
          <span className="product-workspace" title={workspace}>
            {workspace}
          </span>
          {preview ? (
            <span className="demo-badge" title="A throwaway copy for the studio: nothing done here is recorded">
              Studio preview
            </span>
          ) : (
            <>
              {shared ? (
                <span className="demo-badge" title="A copy you share with colleagues: what anyone changes, everyone sees">
                  Shared copy
                </span>
              ) : (
                <span className="demo-badge" title="Your own copy: changes stay in this browser's sandbox">
                  Demo copy
                </span>
              )}
              <span className="demo-badge-note">Our team may look at this copy to help you.</span>
            </>
          )}
        </div>
        <nav aria-label="Product" className="product-nav">
          <ProductMenu>
            <Link href={base}>Deals board</Link>
            <Link href={`${base}/companies`}>Companies</Link>
            <Link href={`${base}/contacts`}>Contacts</Link>
            <Link href={`${base}/forecast`}>Forecast</Link>
            <Link href={`${base}/import`}>Import</Link>
            <ResetDemoButton action={resetSandboxAction.bind(null, sandbox.id)} shared={shared} />
            {copy ? (
              <InviteColleague
                token={copy.inviteToken}
                sentence={peopleSentence(copy.people)}
                people={copy.people.map((person) => person.label)}
                maxPeople={maxPeoplePerCopy}
                shared={shared}
                ownName={copy.ownName}
                makeLink={makeInviteLinkAction.bind(null, sandbox.id)}
                turnOff={turnOffInviteLinkAction.bind(null, sandbox.id)}
                nameAction={nameInCopyAction.bind(null, sandbox.id)}
              />
            ) : null}
          </ProductMenu>
          {/* Never folded into the menu: the tour points at it, at every width. */}
          <Link href={`${base}/deals/new`} className="button" data-tour="new-deal-button">
            New deal
          </Link>
          <TalkToHuman hasThread={thread !== null} unread={thread?.unread ?? 0} />
        </nav>
      </header>
      <main id="main" className="product-main">
        {shared || copy?.inviteToken ? <SharedCopyLive sandboxId={sandbox.id} present={present} /> : null}
        {children}
      </main>
      {demo ? (
        <TourPlayer
          demo={demo}
          sandboxId={sandbox.id}
          openingScript={openingScript(sandbox.id, demo)}
          // The page's policy runs only inline scripts that carry its nonce (lib/http/security-headers.ts).
          scriptNonce={nonceOf(requestHeaders.get("content-security-policy"))}
        />
      ) : null}
    </SandboxProvider>
  );
}
