import { describe, expect, it } from "vitest";
import { readBodyUpTo } from "./limited-body";

/** A stream of `count` chunks of `size` bytes that records how many were pulled and whether it was cancelled. */
function counted(count: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === count) return controller.close();
      seen.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe("readBodyUpTo", () => {
  it("returns the whole body when it is within the limit", async () => {
    const { stream, seen } = counted(4, 1000);
    const bytes = await readBodyUpTo(stream, 4000);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes === "too large" ? 0 : bytes.byteLength).toBe(4000);
    expect(seen.cancelled).toBe(false);
  });

  it("stops reading and cancels the stream as soon as the limit is passed", async () => {
    // 30 MB in 16 KB chunks; a 64 KB limit must read five chunks, not 1,920.
    const { stream, seen } = counted(1920, 16 * 1024);
    expect(await readBodyUpTo(stream, 64 * 1024)).toBe("too large");
    expect(seen.pulled).toBeLessThanOrEqual(6);
    expect(seen.cancelled).toBe(true);
  });

  it("answers for one branch of a tee, as the proxy reads a cloned request, while the other branch is never read", async () => {
    // Cancelling one branch of a tee settles only when both are cancelled: a read that waited for it never returned.
    const { stream } = counted(200, 16 * 1024);
    const [branch] = stream.tee();
    expect(await readBodyUpTo(branch, 64 * 1024)).toBe("too large");
    const request = new Request("http://localhost/", { method: "POST", body: new Uint8Array(2 * 1024 * 1024), headers: { "content-type": "text/plain" } });
    expect(await readBodyUpTo(request.clone().body, 1024 * 1024)).toBe("too large");
  });

  it("reads no body as empty", async () => {
    expect(await readBodyUpTo(null, 10)).toEqual(new Uint8Array(0));
  });
});
