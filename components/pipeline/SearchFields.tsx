// The inside of a list page's search box (the product's own search, not a lead form): a labelled field and a
// button; a plain GET form around it sends ?q= to the server.
import Link from "next/link";

type Props = { label: string; query: string; placeholder: string; clearHref: string };

export function SearchFields({ label, query, placeholder, clearHref }: Props) {
  return (
    <>
      <label htmlFor="q">{label}</label>
      <div className="search-row">
        <input id="q" name="q" type="search" defaultValue={query} placeholder={placeholder} maxLength={100} autoComplete="off" />
        <button type="submit" className="button">
          Search
        </button>
        {query ? (
          <Link href={clearHref} className="button secondary">
            Clear
          </Link>
        ) : null}
      </div>
    </>
  );
}
