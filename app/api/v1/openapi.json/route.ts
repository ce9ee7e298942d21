// GET /api/v1/openapi.json: the API's description, generated from its zod schemas. Public, like
// any API reference; it describes endpoints and reveals no data.
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

// Only GET: the document is prerendered at build time and served like a file, so Next answers
// every other method itself.
export const { GET } = route({
  method: "GET",
  access: "public",
  body: null,
  served: "static",
  async handle() {
    return NextResponse.json(openApiDocument());
  },
});
