// What Openhouse records about a visitor, written from the settings this server actually runs with.
import type { Metadata } from "next";
import Link from "next/link";
import { runtime } from "@/lib/runtime/runtime";
import { visitorCookieMaxAgeSeconds, visitorCookieName } from "@/lib/visitors/visitor-cookie";

export const metadata: Metadata = { title: "Privacy" };
export const dynamic = "force-dynamic";

export default function PrivacyPage() {
  const cookieDays = Math.round(visitorCookieMaxAgeSeconds / 86_400);
  return (
    <main id="main" className="page prose">
      <p>
        <Link href="/">← Demos</Link>
      </p>
      <h1>Privacy</h1>
      <p>You can try every demo without telling us who you are. There is no form to fill in, anywhere.</p>
      <h2>What we record</h2>
      <ul>
        <li>
          One functional cookie, <code>{visitorCookieName}</code>, holding a random id so that you come back to your own demo copy. It lasts{" "}
          {cookieDays} days and is never shared with anyone. In a demo embedded in another site’s page it is kept for that site only
          (partitioned), beside <code>oh_embed</code> (that site’s address, so the demo tells only that page what happens in it) and{" "}
          <code>oh_embed_path</code> (the page of the demo you were on); where your browser refuses such a frame its storage, your place in
          the tour is kept in a cookie of the same kind.
        </li>
        {runtime().config.databaseUrl ? (
          <li>
            Where this site runs on several servers, a second functional cookie, <code>oh_node</code>, names the server that holds your demo
            copy, so your visits reach it. It ends when you close your browser.
          </li>
        ) : null}
        <li>
          What you do in the demo: tour steps viewed and completed, actions in your copy of the product with a short note of what they were
          (such as “created deal ‘Globex renewal’ $40k” — the name and amount you typed into the demo), and whether you asked to talk to a
          human.
        </li>
        <li>
          Your browser family, operating system and device class (for example “Firefox · Windows · desktop”) — not the full browser
          identification string. Where you arrived from: the referring site’s name and campaign tags in the link, or for a demo embedded in
          another site’s page, that page’s address without its query and its campaign tags.
        </li>
        <li>Anything you choose to type yourself, for example into the demo product.</li>
      </ul>
      <h2>What we never record</h2>
      <ul>
        {runtime().config.databaseUrl ? (
          <li>
            Your IP address. Rate limits use a salted hash of your network’s address, never the address: in memory, and — so that every
            server of this site counts alike — for starting demos and sending messages in this site’s database, for at most two hours after
            your last request.
          </li>
        ) : (
          <li>Your IP address. Rate limits use a salted hash of it, kept only in memory.</li>
        )}
        <li>Your full user agent, your location, or anything from third parties. No third-party scripts run on these pages.</li>
      </ul>
      <h2>Your browser’s privacy signals</h2>
      <p>
        If your browser sends Global Privacy Control or Do-Not-Track, you still get the full demo, but what you do is only counted — it is
        never linked to you, your demo copy or where you came from. If you ask us something, our team sees your question and the demo you
        asked from, nothing more.
      </p>
      <h2>Who looks at your demo copy</h2>
      <p>
        Our team may look at this copy to help you: a team member can open a read-only view of your demo copy as it is — it cannot be
        changed that way — and every such look is logged with who looked and when. If your browser sends Global Privacy Control or
        Do-Not-Track, your copy is never shown to anyone.
      </p>
      <h2>If you share your copy</h2>
      <p>
        “Invite a colleague” makes a link to your copy; we ask for no email and no name. Whoever opens the link works in the same copy and
        sees what is in it, and what they change is recorded as theirs. A name you may type for yourself there is shown only to the people
        in the copy and to our team. If your browser sends Global Privacy Control or Do-Not-Track, what you change in a shared copy is not
        linked to you — the others see “Someone” — you are not listed among its people, and our team never looks at a copy you are in.
      </p>
      <h2>How long we keep it</h2>
      <ul>
        <li>
          Activity events: {runtime().config.retentionDays} days. After that only daily totals remain, with nothing that points to you.
        </li>
        <li>
          Your demo copy: until it has been unused for {runtime().config.sandboxTtlDays} days, then it is deleted. Reset demo in the product
          restores it at any time.
        </li>
      </ul>
    </main>
  );
}
