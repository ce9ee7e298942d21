// Reads a request body up to a limit, chunk by chunk, and stops as soon as the limit is passed
// (issue 15: a 30 MB chunked body was read whole before the 64 KB limit refused it). A declared
// Content-Length is only a claim: chunked bodies have none, so the count is made while reading.

/** The body's bytes, or "too large" once more than `limit` bytes have arrived (the stream is then cancelled). */
export async function readBodyUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | "too large"> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      // Tell the source to stop: nothing more is buffered for this request. Not awaited: for one
      // branch of a tee (the proxy reads `request.clone().body`) the promise only settles once the
      // other branch is cancelled too, which nobody does, so awaiting it hung the request for good.
      reader.cancel("the body is over the limit").catch(() => {});
      return "too large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
