import Link from "next/link";

export default function AttemptNotFound() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">Quiz not found</h1>
      <p className="mt-3 text-muted">This quiz attempt does not exist, or it belongs to someone else.</p>
      <p className="mt-6"><Link href="/quiz" className="btn">See your quizzes</Link></p>
    </section>
  );
}
