// Public by design (load balancers and uptime checks have no session); it reveals no personal data.
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { checkHealth } from "@/lib/health";
import { otherMethods } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(env().database.provider);
  return NextResponse.json(health, { status: health.status === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
