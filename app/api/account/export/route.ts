// "Download all my data": everything stored about the signed-in person, as a JSON file.
import { NextResponse } from "next/server";
import { otherMethods, requireApiUser } from "@/lib/api/respond";
import { exportAccountData } from "@/lib/auth/accounts";

export async function GET() {
  const { user, response } = await requireApiUser();
  if (response) return response;
  const data = await exportAccountData(user.id);
  const date = new Date().toISOString().slice(0, 10);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="backchannel-my-data-${date}.json"`,
      "Cache-Control": "no-store",
    },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
