"use client";
// The header's account links. Here, beside the root layout that is its only user, so that it can
// import the sign-out action (components never import app/).
import { IntentLink } from "@/components/intent-link";
import { usePathname } from "next/navigation";
import { useEffect, useEffectEvent, useRef } from "react";
import { getSession, useSession } from "next-auth/react";
import { useAccount } from "@/components/use-account";
import { SignOutButton } from "@/components/sign-out-button";
import { signOutAction } from "@/app/(auth)/actions";

const linkClass = "text-ink no-underline hover:underline";

export function AccountNav() {
  const account = useAccount();
  useSessionRecheckOnNavigation();

  if (account.state === "unknown") return <span className="inline-block w-32" aria-hidden="true" />;
  if (account.state === "signed-out") {
    return (
      <>
        <IntentLink href="/signin" className={linkClass}>
          Sign in
        </IntentLink>
        <IntentLink href="/signup" className="btn px-3 py-1.5 no-underline">
          Sign up
        </IntentLink>
      </>
    );
  }
  return (
    <>
      {account.role === "TEACHER" ? (
        <>
          <IntentLink href="/teacher" className={linkClass}>
            Classes
          </IntentLink>
          <IntentLink href="/teacher/articles" className={linkClass}>
            Articles
          </IntentLink>
          <IntentLink href="/teacher/questions" className={linkClass}>
            Questions
          </IntentLink>
        </>
      ) : (
        <>
          <IntentLink href="/dashboard" className={linkClass}>
            Dashboard
          </IntentLink>
          <IntentLink href="/quiz" className={linkClass}>
            Quizzes
          </IntentLink>
          <IntentLink href="/classes" className={linkClass}>
            Classes
          </IntentLink>
        </>
      )}
      {account.isAdmin ? (
        <IntentLink href="/admin" className={linkClass}>
          Admin
        </IntentLink>
      ) : null}
      <IntentLink href="/account" className={linkClass}>
        <span className="sr-only">Account: </span>
        {account.name}
      </IntentLink>
      <SignOutButton action={signOutAction} compact />
    </>
  );
}

/**
 * A server action may have signed the person out or deleted the account and then moved on without
 * a full page load, so the session is read again once per navigation (a cookie check, no database
 * query). next-auth's `update()` can't be used for this: it never clears a session that has ended,
 * and it changes identity on every reload, so an effect that depended on it asked again without end
 * (issue 12's request flood). A session that has ended reloads the page, so nothing on it still
 * acts for the person who left.
 */
function useSessionRecheckOnNavigation() {
  const { data } = useSession();
  const pathname = usePathname();
  const checkedPath = useRef(pathname);
  const recheck = useEffectEvent(async () => {
    const current = await getSession({ broadcast: false });
    if (data?.user && !current?.user) window.location.reload();
  });
  useEffect(() => {
    if (pathname === checkedPath.current) return;
    checkedPath.current = pathname;
    void recheck();
  }, [pathname]);
}
