// GET /api/v1/openapi.json: the API's description, generated from its zod schemas. Public, like
// any API reference; it describes endpoints and reveals no data.
import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(openApiDocument());
}
