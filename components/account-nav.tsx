"use client";
import Link from "next/link";
import { useSession } from "next-auth/react";

export function AccountNav() {
  const { data: session, status } = useSession();
  if (status === "loading") return <span className="inline-block w-32" aria-hidden="true" />;
  if (!session?.user) {
    return (
      <>
        <Link href="/signin" className="text-ink">Sign in</Link>
        <Link href="/signup" className="btn px-3 py-1.5">Sign up</Link>
      </>
    );
  }
  return (
    <>
      <Link href="/dashboard" className="text-ink">Dashboard</Link>
      {session.user.role === "TEACHER" ? <Link href="/teacher" className="text-ink">Classes</Link> : null}
      <Link href="/account" className="text-ink">
        <span className="sr-only">Account: </span>
        {session.user.name}
      </Link>
    </>
  );
}
