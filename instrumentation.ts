// Runs once when the server starts. The check itself lives in a Node-only module.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/startup-check");
    // The security headers on the few answers Next writes before its routing (the `//path` redirect).
    const { addSecurityHeadersToBareResponses } = await import("./lib/security/bare-responses");
    addSecurityHeadersToBareResponses(process.env.NODE_ENV !== "production");
    // The client address the throttles count by, from the socket and the trusted proxies only.
    const [{ stampClientAddresses }, { env }] = await Promise.all([import("./lib/security/forwarded-for"), import("./lib/env")]);
    stampClientAddresses(env().trustedProxies);
    // LTI scores a platform could not take yet are sent again when their wait is over.
    const { startScoreSender } = await import("./lib/lti/score-sender");
    startScoreSender();
  }
}
