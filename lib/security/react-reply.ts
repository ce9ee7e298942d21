// The one place the app reaches into React's server action encoding: the proxy decodes a call's
// arguments with the decoder Next itself uses (its compiled react-server-dom-turbopack), and refuses
// the call if that throws. What a page may send is React's business, not a list of ours, so a React
// upgrade or a new argument type never turns a real call into a refusal. Fenced in
// docs/decisions/0029-upgrading-next-react-prisma.md; e2e/security-fuzz.spec.ts catches a
// change (a body React cannot decode must still be a 400, never a 500).
import type { ActionReply } from "./server-action-request";

/** Whether React decodes this into an argument list (as Next is about to, then calls the action with it). */
export async function decodesAsActionReply(reply: ActionReply): Promise<boolean> {
  // Loaded on first use: the decoder refuses to load outside a server bundle, and tests import
  // proxy.ts (for its matcher) without calling it.
  const { createTemporaryReferenceSet, decodeReply } = await import("next/dist/compiled/react-server-dom-turbopack/server.node");
  try {
    // No server manifest: our actions never take a server function (tests/repository/action-signatures.test.ts).
    const args = await decodeReply(reply, {}, { temporaryReferences: createTemporaryReferenceSet() });
    // Next spreads the result into the call (action.apply(null, args)): anything but a list throws there.
    return Array.isArray(args);
  } catch {
    return false;
  }
}
