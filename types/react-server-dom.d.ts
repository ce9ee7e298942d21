// The two functions of Next's compiled React server decoder that lib/security/react-reply.ts uses
// (Next ships no types for its compiled copy).
declare module "next/dist/compiled/react-server-dom-turbopack/server.node" {
  export function createTemporaryReferenceSet(): unknown;
  export function decodeReply(body: string | FormData, serverManifest: Record<string, never>, options: { temporaryReferences: unknown }): Promise<unknown>;
}
