// The gallery: every demo a visitor can try, no signup and no form.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listGalleryDemos } from "@/lib/demos/gallery";
import { shownMissingDemo } from "@/lib/sandbox/missing-demo";

export const metadata: Metadata = { title: { absolute: "Openhouse — try Pipeline, no signup" } };

export default async function GalleryPage({ searchParams }: { searchParams: Promise<{ missing?: string | string[] }> }) {
  await connection();
  const missing = shownMissingDemo((await searchParams).missing);
  const demos = await listGalleryDemos();
  return (
    <main id="main" className="page">
      <section className="hero">
        <h1>See Pipeline for yourself</h1>
        <p>
          Pick a demo and you get your own live copy of the product with sample data, and a short guided tour. No signup, no form, no sales
          call — unless you ask for one.
        </p>
      </section>
      {missing ? (
        <p className="notice" role="status">
          There is no demo called “{missing}”. Here are the ones you can try.
        </p>
      ) : null}
      <ul className="gallery" aria-label="Demos">
        {demos.map((demo) => (
          <li key={demo.slug} className="card">
            <h2>{demo.title}</h2>
            <div className="meta">
              <span className="pill">For: {demo.persona}</span>
              <span>About {demo.durationMinutes} min</span>
            </div>
            <p>{demo.summary}</p>
            {/* Plain links, not <Link>: prefetching must never provision a sandbox. */}
            <div className="try-links">
              <a className="button" href={`/try/${demo.slug}`} aria-label={`Try it: ${demo.title}`}>
                Try it
              </a>
              {demo.personas.length > 0 ? (
                <p className="try-as">
                  <span>Or try it as</span>
                  {demo.personas.map((persona) => (
                    <a
                      key={persona.id}
                      className="button secondary"
                      href={`/try/${demo.slug}?persona=${persona.id}`}
                      aria-label={`Try it as ${persona.label}: ${demo.title}`}
                    >
                      {persona.label}
                    </a>
                  ))}
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {demos.length === 0 ? <p className="muted">No demos are published yet.</p> : null}
      <footer className="site-footer">
        Your demo copy is tied to this browser by one functional cookie. We store no IP address and honor Global Privacy Control and
        Do-Not-Track. <Link href="/privacy">Privacy</Link>
      </footer>
    </main>
  );
}
