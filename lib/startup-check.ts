// Imported once at server start (instrumentation.ts): a bad configuration stops the server here
// with a one-line message naming the variable, instead of failing on the first request.
import { env, EnvError } from "./env";

try {
  env();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`Backchannel cannot start. ${error.message}`);
  process.exit(1);
}
