// Public by design (load balancers and uptime checks have no session); it reveals no personal data.
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
    return json(health, health.status === "down" ? 503 : 200);
  },
});
