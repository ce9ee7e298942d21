import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">Page not found</h1>
      <p className="mt-3 text-muted">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p className="mt-6"><Link href="/lessons" className="btn">Go to the lessons</Link></p>
    </section>
  );
}
