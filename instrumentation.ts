// Runs once when the server starts: a bad configuration stops it here with a one-line message,
// instead of failing on the first request with a stack trace.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("./lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Backchannel cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
