// "Download all my data": everything stored about the signed-in person, as a JSON file.
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { exportAccountData } from "@/lib/auth/accounts";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  method: "GET",
  access: "user",
  body: null,
  async handle({ user }) {
    const data = await exportAccountData(user.id);
    const date = new Date().toISOString().slice(0, 10);
    return new NextResponse(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="backchannel-my-data-${date}.json"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
