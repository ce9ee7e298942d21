import { describe, expect, it } from "vitest";
import { describeRetry } from "@/lib/auth/throttle-policy";
import {
  INVITATION_LIFETIME_MS,
  INVITATION_MESSAGES,
  invitationMail,
  invitationSentMessage,
  invitationState,
  inviteLimitMessage,
  refusalFor,
} from "./invitation-rules";

const now = new Date("2026-12-06T12:00:00Z");
const pending = { expiresAt: new Date(now.getTime() + 1000), acceptedAt: null, declinedAt: null, cancelledAt: null };

describe("invitationState", () => {
  it("is pending until it expires, then expired; an answer or a cancellation is final", () => {
    expect(invitationState(pending, now)).toBe("pending");
    expect(invitationState({ ...pending, expiresAt: now }, now)).toBe("expired");
    expect(invitationState({ ...pending, acceptedAt: now }, now)).toBe("accepted");
    expect(invitationState({ ...pending, declinedAt: now }, now)).toBe("declined");
    expect(invitationState({ ...pending, cancelledAt: now }, now)).toBe("cancelled");
    // An answer given in time stays that answer after the expiry.
    expect(invitationState({ ...pending, acceptedAt: now }, new Date(now.getTime() + INVITATION_LIFETIME_MS))).toBe("accepted");
  });

  it("words each refusal so the invited teacher knows what to do", () => {
    expect(refusalFor("expired")).toBe(INVITATION_MESSAGES.expired);
    expect(refusalFor("cancelled")).toBe(INVITATION_MESSAGES.cancelled);
    expect(refusalFor("accepted")).toBe(INVITATION_MESSAGES.answered);
    expect(refusalFor("declined")).toBe(INVITATION_MESSAGES.answered);
  });
});

describe("the owner's answer and the mail", () => {
  it("says only that an invitation was sent, naming the email", () => {
    expect(invitationSentMessage("x@y.test")).toBe("Invitation sent to x@y.test. They become a co-teacher when they accept it from their teacher page.");
  });

  it("says how long to wait when the hourly limit is reached", () => {
    expect(inviteLimitMessage(30 * 60_000, describeRetry)).toBe("You have sent 20 invitations in the last hour, which is the limit. Try again in 30 minutes.");
  });

  it("names the inviter, the class, the teacher page and the last day, and nothing about an account", () => {
    const mail = invitationMail({
      inviterName: "Ms Rivera",
      inviterEmail: "rivera@school.test",
      className: "Year 12 Politics",
      expiresAt: new Date("2026-12-20T12:00:00Z"),
      teacherPageUrl: "https://backchannel.example/teacher",
    });
    expect(mail.subject).toBe("Ms Rivera invites you to co-teach “Year 12 Politics” on Backchannel");
    expect(mail.text).toContain("Ms Rivera (rivera@school.test) invites you to teach the class “Year 12 Politics”");
    expect(mail.text).toContain("\nhttps://backchannel.example/teacher\n");
    expect(mail.text).toContain("until 20 December 2026");
    expect(mail.text).not.toMatch(/no account|not registered|already/i);
  });

  it("still says where to go when the server does not know its public address", () => {
    const mail = invitationMail({ inviterName: "A", inviterEmail: "a@b.test", className: "C", expiresAt: now, teacherPageUrl: null });
    expect(mail.text).toContain("Backchannel, then “Your classes”");
    expect(mail.text).not.toContain("http");
  });
});
