import type { Metadata } from "next";
import { invitationState } from "@/lib/admin/teachers";
import { getSessionUser } from "@/lib/auth/guards";
import { invitationTokenSchema } from "@/lib/auth/validation";
import { InvitationPanel, type InvitationView } from "./invitation-forms";

export const metadata: Metadata = { title: "Teacher invitation", referrer: "no-referrer" };

// The link in an administrator's invitation (decision 0037). Opening it uses nothing up: only a
// form's submit does.
export default async function TeacherInvitationPage({ searchParams }: PageProps<"/teacher-invitation">) {
  const { token: raw } = await searchParams;
  const parsed = invitationTokenSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Teacher invitation</h1>
      <InvitationPanel {...(parsed.success ? await viewFor(parsed.data) : { view: "unusable" })} />
    </section>
  );
}

async function viewFor(token: string): Promise<InvitationView> {
  const [invitation, user] = await Promise.all([invitationState(token), getSessionUser()]);
  if (invitation.state !== "valid") return { view: "unusable" };
  if (user && user.email === invitation.email) return user.role === "TEACHER" ? { view: "already-teacher" } : { view: "accept", token, email: user.email };
  if (user) return { view: "other-account", email: invitation.email, signedInAs: user.email };
  if (invitation.hasAccount) {
    const here = `/teacher-invitation?token=${encodeURIComponent(token)}`;
    return { view: "sign-in", email: invitation.email, signInHref: `/signin?callbackUrl=${encodeURIComponent(here)}` };
  }
  return { view: "sign-up", token, email: invitation.email };
}
