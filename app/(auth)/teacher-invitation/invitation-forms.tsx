"use client";
// Everything below the page's heading, in one component that stays mounted: a successful form
// signs the person in and spends the link, so Next's re-render of the page in the same response
// shows another view. Were the form a separate branch it would be gone before its full-page
// redirect to /teacher could run; here the redirect survives the change of view.
import Link from "next/link";
import { useActionState, useEffect, useEffectEvent } from "react";
import { useSession } from "next-auth/react";
import { FormField, FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { acceptInvitationAction, invitationSignUpAction } from "../invitation-actions";

export type InvitationView =
  | { view: "unusable" }
  | { view: "sign-up"; token: string; email: string }
  | { view: "sign-in"; email: string; signInHref: string }
  | { view: "accept"; token: string; email: string }
  | { view: "already-teacher" }
  | { view: "other-account"; email: string; signedInAs: string };

const box = "mt-3 rounded-md border border-rule bg-white px-4 py-3";

export function InvitationPanel(props: InvitationView) {
  const [signUpState, signUp] = useActionState<FormState, FormData>(invitationSignUpAction, {});
  const [acceptState, accept] = useActionState<FormState, FormData>(acceptInvitationAction, {});
  const redirectTo = signUpState.redirectTo ?? acceptState.redirectTo;
  const { update } = useSession();
  // A full page load, so every part of the page starts from the new session. An account that has
  // just become a teacher first has its session re-read (`update({})` posts, and the server reads
  // the role again), or the header would offer a student's links until the next sign-in.
  const go = useEffectEvent(async (target: string) => {
    if (acceptState.redirectTo) await update({});
    window.location.assign(target);
  });
  useEffect(() => {
    if (redirectTo) void go(redirectTo);
  }, [redirectTo]);
  if (redirectTo) return <p className="mt-3 text-muted">Opening your classes…</p>;
  switch (props.view) {
    case "unusable":
      return <p className={box}>This invitation has expired or has already been used. Ask the administrator who sent it for a new one.</p>;
    case "already-teacher":
      return (
        <p className="mt-3 text-muted">
          Your account is already a teacher account. <Link href="/teacher">Go to your classes</Link>.
        </p>
      );
    case "other-account":
      return (
        <p className={box}>
          This invitation is for {props.email}, and you are signed in as {props.signedInAs}. Sign out, then open the link again.
        </p>
      );
    case "sign-in":
      return (
        <p className="mt-3 text-muted">
          {props.email} already has a Backchannel account. <Link href={props.signInHref}>Sign in</Link> with it to accept the invitation.
        </p>
      );
    case "accept":
      return (
        <>
          <p className="mt-2 text-muted">
            You are signed in as <strong className="text-ink">{props.email}</strong>. Accepting makes this account a teacher account: you can run classes and
            set work. Your reading and quiz history stay with it.
          </p>
          <form action={accept} className="mt-6 space-y-4" noValidate>
            <FormMessage message={acceptState.message} />
            <input type="hidden" name="token" value={props.token} />
            <SubmitButton className="btn" pendingLabel="Accepting…">
              Accept and become a teacher
            </SubmitButton>
          </form>
        </>
      );
    case "sign-up":
      return (
        <>
          <p className="mt-2 text-muted">You are invited to teach on Backchannel. Choose your name and a password to create your teacher account.</p>
          <form action={signUp} className="mt-6 space-y-4" noValidate>
            <FormMessage message={signUpState.message} />
            <input type="hidden" name="token" value={props.token} />
            <FormField name="email" label="Email" type="email" autoComplete="username" value={props.email} readOnly hint="The invitation is for this email." />
            <FormField
              name="name"
              label="Name"
              autoComplete="name"
              required
              maxLength={80}
              defaultValue={signUpState.values?.name}
              errors={signUpState.errors?.name}
            />
            <FormField
              name="password"
              label="Password"
              type="password"
              autoComplete="new-password"
              required
              hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
              errors={signUpState.errors?.password}
            />
            <SubmitButton className="btn w-full" pendingLabel="Creating your account…">
              Create teacher account
            </SubmitButton>
          </form>
        </>
      );
  }
}
