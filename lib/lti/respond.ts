// The LTI routes' answers: a refusal goes to the page that says why (by code only, lib/lti/refusals.ts).
import { NextResponse } from "next/server";
import { LtiError } from "./launch";

export function refusedRedirect(baseUrl: string, error: unknown): NextResponse {
  if (!(error instanceof LtiError)) throw error;
  console.warn(`LTI refused (${error.code}): ${error.message}`);
  return NextResponse.redirect(new URL(`/lti/refused?code=${error.code}`, baseUrl), 303);
}
