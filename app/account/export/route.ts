// "Download all my data": everything stored about the signed-in person, as a JSON file.
import { NextResponse } from "next/server";
import { exportAccountData } from "@/lib/auth/accounts";
import { getSessionUser } from "@/lib/auth/guards";

export async function GET() {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: { code: "unauthenticated", message: "Sign in to download your data." } }, { status: 401 });
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
