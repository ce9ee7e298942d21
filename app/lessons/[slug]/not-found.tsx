import Link from "next/link";

export default function LessonNotFound() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">No such lesson</h1>
      <p className="mt-3 text-muted">The lesson you asked for does not exist. The article is taught in four lessons.</p>
      <p className="mt-6"><Link href="/lessons" className="btn">See all lessons</Link></p>
    </section>
  );
}
