"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useEffectEvent, useRef } from "react";
import { useSession } from "next-auth/react";
import { useAccount } from "./use-account";
import { SignOutButton } from "./sign-out-button";

const linkClass = "text-ink no-underline hover:underline";

export function AccountNav() {
  const account = useAccount();
  useSessionRecheckOnNavigation();

  if (account.state === "unknown") return <span className="inline-block w-32" aria-hidden="true" />;
  if (account.state === "signed-out") {
    return (
      <>
        <Link href="/signin" className={linkClass}>Sign in</Link>
        <Link href="/signup" className="btn px-3 py-1.5 no-underline">Sign up</Link>
      </>
    );
  }
  return (
    <>
      {account.role === "TEACHER" ? (
        <>
          <Link href="/teacher" className={linkClass}>Classes</Link>
          <Link href="/teacher/questions" className={linkClass}>Questions</Link>
        </>
      ) : (
        <>
          <Link href="/dashboard" className={linkClass}>Dashboard</Link>
          <Link href="/quiz" className={linkClass}>Quizzes</Link>
          <Link href="/classes" className={linkClass}>Classes</Link>
        </>
      )}
      <Link href="/account" className={linkClass}>
        <span className="sr-only">Account: </span>
        {account.name}
      </Link>
      <SignOutButton compact />
    </>
  );
}

/**
 * A server action may have signed the person out or deleted the account and then moved on without
 * a full page load, so the session is asked for again once per navigation (a cookie check, no
 * database query). Once: `update` changes identity every time the session reloads, so an effect
 * that depended on it would ask again after every answer, without end (issue 12's request flood).
 */
function useSessionRecheckOnNavigation() {
  const { update } = useSession();
  const pathname = usePathname();
  const checkedPath = useRef(pathname);
  const recheck = useEffectEvent(() => void update());
  useEffect(() => {
    if (pathname === checkedPath.current) return;
    checkedPath.current = pathname;
    recheck();
  }, [pathname]);
}
