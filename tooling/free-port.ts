// A port nothing listens on now: the OS picks one for a moment's listener on 127.0.0.1, which is
// closed again. Another process could take it before the caller binds; callers that must be sure
// retry (tooling/postgres-cluster.ts) or take two and compare (bench/scale-out.ts).
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}
