import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="page">
      <h1>We couldn’t find that page</h1>
      <p>
        If you were looking for a demo copy: each copy belongs to the browser that started it, and unused copies are cleaned up after a
        while. Starting again takes a second and needs no signup.
      </p>
      <p>
        <Link className="button" href="/">
          Choose a demo
        </Link>
      </p>
    </main>
  );
}
