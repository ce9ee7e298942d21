// Public by design (load balancers and uptime checks have no session), so it says only `status`
// ("ok", "degraded": migrations missing or failed, "down": no database). Which migrations, the
// provider and the latency stay on the server: they describe the deployment to anyone who asks
// (issue 15). An operator reads them with `npx prisma migrate status`.
import { env } from "@/lib/env";
import { checkHealth } from "@/lib/health";
import { json, route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  method: "GET",
  access: "public",
  body: null,
  async handle() {
    const health = await checkHealth(env().database.provider);
    return json({ status: health.status }, health.status === "down" ? 503 : 200);
  },
});
