// POST /api/lti/deep-link: the teacher's choice on the picker (a same-site form). Answers with a
// page that posts the signed LtiDeepLinkingResponse to the platform's return URL (Deep Linking 2.0
// §4.2: form_post), with a Content-Security-Policy whose form-action allows that one origin.
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { publicBaseUrl } from "@/lib/auth/public-url";
import { answerDeepLink } from "@/lib/lti/deep-link-flow";

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  method: "POST",
  access: "teacher",
  body: null,
  async handle({ request, user }) {
    const form = await request.formData().catch(() => new FormData());
    const read = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value.slice(0, 200) : "";
    };
    const baseUrl = publicBaseUrl(request.headers) ?? request.nextUrl.origin;
    const { returnUrl, jwt } = await answerDeepLink(read("requestId"), user.id, read("resource"), baseUrl);
    const origin = new URL(returnUrl).origin;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Adding to your course…</title></head>
<body><form id="answer" method="post" action="${escape(returnUrl)}"><input type="hidden" name="JWT" value="${escape(jwt)}">
<p>Taking your choice back to your course…</p><noscript><button type="submit">Continue to your course</button></noscript></form>
<script>document.getElementById("answer").submit();</script></body></html>`;
    return new NextResponse(html, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Content-Security-Policy": `default-src 'self'; script-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action ${origin}; frame-ancestors 'none'`,
      },
    });
  },
});
