// Runs once when the server starts. The check itself lives in a Node-only module.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/startup-check");
    // The security headers on the few answers Next writes before its routing (the `//path` redirect).
    const { addSecurityHeadersToBareResponses } = await import("./lib/security/bare-responses");
    addSecurityHeadersToBareResponses(process.env.NODE_ENV !== "production");
  }
}
