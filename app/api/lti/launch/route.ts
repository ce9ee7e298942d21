// POST /api/lti/launch: the platform's launch (LTI Core 1.3 §5.1.2), an id_token posted by the
// browser (form_post) with the state. Verified (lib/lti/flow.ts), it signs the person in with an
// Auth.js session cookie (lib/lti/session.ts) and sends them to the lesson, quiz or picker.
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { publicBaseUrl } from "@/lib/auth/public-url";
import { DomainError } from "@/lib/errors";
import { completeLaunch, STATE_COOKIE } from "@/lib/lti/flow";
import { LtiError } from "@/lib/lti/launch";
import { refusedRedirect } from "@/lib/lti/respond";
import { sessionCookieFor } from "@/lib/lti/session";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, 20_000) : "";
};

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  method: "POST",
  access: "public",
  body: null,
  async handle({ request }) {
    const baseUrl = publicBaseUrl(request.headers) ?? request.nextUrl.origin;
    const form = await request.formData().catch(() => new FormData());
    try {
      const idToken = field(form, "id_token");
      const state = field(form, "state");
      // A platform reports its own failure with `error` instead of a token (OIDC §3.1.2.6).
      if (!idToken || !state) throw new LtiError("message", `The platform sent no launch (${field(form, "error") || "no id_token"}).`);
      const { user, path } = await completeLaunch({ idToken, state, browserState: request.cookies.get(STATE_COOKIE)?.value ?? null });
      const session = await sessionCookieFor(user);
      const response = NextResponse.redirect(new URL(path, baseUrl), 303);
      response.cookies.set(session.name, session.value, session.options);
      response.cookies.set(STATE_COOKIE, "", { httpOnly: true, secure: true, sameSite: "none", path: "/api/lti", maxAge: 0 });
      return response;
    } catch (error) {
      if (error instanceof DomainError) return refusedRedirect(baseUrl, new LtiError("resource", error.message));
      return refusedRedirect(baseUrl, error);
    }
  },
});
