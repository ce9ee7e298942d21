// What the refusal page says for each reason a login or launch is refused (lib/lti/launch.ts). The
// page takes only the reason's code, so a crafted link cannot put words on it; the detail goes to the log.
import { LTI_REFUSALS, type LtiRefusal } from "./launch";

export const REFUSAL_TEXT: Record<LtiRefusal, { title: string; body: string }> = {
  login: {
    title: "This platform is not registered",
    body: "Backchannel does not know the course platform that sent you here, or its registration is incomplete. Ask your Backchannel administrator to register it.",
  },
  signature: {
    title: "The launch could not be verified",
    body: "The launch was not signed by a key your course platform publishes, so Backchannel cannot trust it. Open Backchannel again from your course; if this keeps happening, tell your administrator.",
  },
  claims: {
    title: "The launch is not valid here",
    body: "The launch has expired, or it was issued for another tool or by another platform. Open Backchannel again from your course.",
  },
  nonce: {
    title: "This launch was already used",
    body: "A launch works once, in the browser that started it, for a few minutes. Open Backchannel again from your course.",
  },
  deployment: {
    title: "This deployment is not registered",
    body: "Your course platform launched a deployment of Backchannel that is not registered here. Ask your Backchannel administrator to add its deployment ID.",
  },
  message: {
    title: "Backchannel cannot open this launch",
    body: "The launch is missing something the LTI standard requires. Tell your administrator; opening Backchannel again from your course may help.",
  },
  resource: {
    title: "This link does not open anything in Backchannel",
    body: "The course link does not say which lesson, quiz or assignment it opens, or that one no longer exists. Ask your teacher to add it again with “Select content”.",
  },
  role: {
    title: "Only teachers can add content",
    body: "Adding Backchannel lessons and quizzes to a course is for the course's teachers.",
  },
};

export function refusalOf(code: string | string[] | undefined): LtiRefusal {
  const value = Array.isArray(code) ? code[0] : code;
  return LTI_REFUSALS.find((known) => known === value) ?? "message";
}
