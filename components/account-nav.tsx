"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { useSession } from "next-auth/react";

export function AccountNav() {
  const { data: session, status, update } = useSession();
  const pathname = usePathname();
  const firstPath = useRef(pathname);
  // A server action may have signed the person out or deleted the account and then moved on
  // without a full page load: ask again on every navigation (a cookie check, no database query).
  useEffect(() => {
    if (pathname !== firstPath.current) void update();
  }, [pathname, update]);

  if (status === "loading" && !session) return <span className="inline-block w-32" aria-hidden="true" />;
  if (!session?.user) {
    return (
      <>
        <Link href="/signin" className="text-ink no-underline hover:underline">Sign in</Link>
        <Link href="/signup" className="btn px-3 py-1.5 no-underline">Sign up</Link>
      </>
    );
  }
  return (
    <>
      <Link href="/dashboard" className="text-ink no-underline hover:underline">Dashboard</Link>
      <Link href="/quiz" className="text-ink no-underline hover:underline">Quizzes</Link>
      <Link href={session.user.role === "TEACHER" ? "/teacher" : "/classes"} className="text-ink no-underline hover:underline">Classes</Link>
      <Link href="/account" className="text-ink no-underline hover:underline">
        <span className="sr-only">Account: </span>
        {session.user.name}
      </Link>
    </>
  );
}
