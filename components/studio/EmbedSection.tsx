// A demo's "Embed" section in the studio: the snippet for a marketing page, a copy button, and the snippet
// live on a blank page, as a visitor will see it before they start.
import { CopyTextButton } from "./CopyTextButton";

export function EmbedSection({
  slug,
  title,
  snippet,
  embedOrigins,
}: {
  slug: string;
  title: string;
  snippet: string;
  embedOrigins: readonly string[];
}) {
  const snippetId = `embed-snippet-${slug}`;
  return (
    <section aria-labelledby="embed-heading" className="embed-section">
      <h2 id="embed-heading">Embed</h2>
      <p>
        Paste this where the demo should appear on your site. Visitors see a light poster until they start it; without JavaScript they get
        the link.{" "}
        {embedOrigins.length > 0 ? (
          <>Sites that may embed it (EMBED_ORIGINS): {embedOrigins.join(", ")}; others get a link that opens a new tab.</>
        ) : (
          <>No site may embed it yet: add yours to EMBED_ORIGINS, or visitors get a link that opens a new tab.</>
        )}
      </p>
      <label htmlFor={snippetId}>Embed snippet for {title}</label>
      <textarea className="embed-snippet" id={snippetId} readOnly rows={5} value={snippet} spellCheck={false} />
      <CopyTextButton text={snippet} label="Copy snippet" />
      <h3>Preview on a blank page</h3>
      <iframe
        className="embed-preview"
        src={`/embed/preview/${encodeURIComponent(slug)}`}
        title={`Preview of the embedded demo: ${title}`}
      />
    </section>
  );
}
