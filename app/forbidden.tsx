import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">Not available to your account</h1>
      <p className="mt-3 text-muted">This page is for teachers. If you think you should see it, ask your school to check your account.</p>
      <p className="mt-6"><Link href="/dashboard" className="btn">Go to your dashboard</Link></p>
    </section>
  );
}
