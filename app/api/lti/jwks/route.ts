// GET /api/lti/jwks: the tool's public key set (LTI Security Framework), which platforms fetch to
// check our client assertions and Deep Linking responses. Public members only (lib/lti/keys.ts).
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { toolKeySet } from "@/lib/lti/key-store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  method: "GET",
  access: "public",
  body: null,
  async handle() {
    // Platforms cache it; a short lifetime lets a rotated key reach them within the hour.
    return NextResponse.json(await toolKeySet(), { headers: { "Cache-Control": "public, max-age=3600" } });
  },
});
