// GET and POST /api/lti/login: the platform's third-party-initiated login (LTI Core 1.3 §5.1.1).
// The answer sends the browser to the platform's authorisation endpoint with a fresh state and
// nonce; the state is also bound to this browser by a cookie, which the launch checks.
import { NextResponse, type NextRequest } from "next/server";
import { otherMethods } from "@/lib/api/respond";
import { route } from "@/lib/api/route";
import { publicBaseUrl } from "@/lib/auth/public-url";
import { LAUNCH_STATE_LIFETIME_MS, STATE_COOKIE, startLogin } from "@/lib/lti/flow";
import { LoginRequestSchema, LtiError } from "@/lib/lti/launch";
import { refusedRedirect } from "@/lib/lti/respond";

async function login(request: NextRequest, params: URLSearchParams | FormData): Promise<Response> {
  const baseUrl = publicBaseUrl(request.headers) ?? request.nextUrl.origin;
  try {
    if (!publicBaseUrl(request.headers)) throw new LtiError("login", "LTI needs the server's public address (AUTH_URL) to be set.");
    const parsed = LoginRequestSchema.safeParse(
      Object.fromEntries([...params.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string")),
    );
    if (!parsed.success) throw new LtiError("login", "The platform's login request is missing its issuer, login hint or target link.");
    const { redirect, state } = await startLogin(parsed.data, baseUrl);
    const response = NextResponse.redirect(redirect, 302);
    // SameSite=None: the launch comes back as a form posted from the platform's site.
    response.cookies.set(STATE_COOKIE, state, { httpOnly: true, secure: true, sameSite: "none", path: "/api/lti", maxAge: LAUNCH_STATE_LIFETIME_MS / 1000 });
    return response;
  } catch (error) {
    return refusedRedirect(baseUrl, error);
  }
}

const get = route({
  method: "GET",
  access: "public",
  body: null,
  handle: async ({ request }) => login(request, request.nextUrl.searchParams),
});

const post = route({
  method: "POST",
  access: "public",
  body: null,
  async handle({ request }) {
    const form = await request.formData().catch(() => new FormData());
    return login(request, form);
  },
});

export const { GET } = get;
export const { POST } = post;
// The other methods' 405 names both that it takes.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
