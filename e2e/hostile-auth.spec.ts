// Requests a browser would never send, aimed at the account endpoints: each gets a 4xx (or a
// redirect back to the form), never a 500, and no account is half-made.
import { expect, test } from "./support/fixtures";

test("sign-in without Auth.js's CSRF token is refused", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: "amira@backchannel.test", password: "kerry-lavrov-2016" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token=");
});

test("a server action call with an unknown action id or a garbage body is a 4xx", async ({ request }) => {
  for (const body of ["{not json", "x".repeat(200_000), ""]) {
    const response = await request.post("/signup", {
      headers: { "Next-Action": "0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" },
      data: body,
      maxRedirects: 0,
    });
    expect(response.status(), `body of ${body.length} characters`).toBeGreaterThanOrEqual(400);
    expect(response.status(), `body of ${body.length} characters`).toBeLessThan(500);
  }
});
