import { describe, expect, it } from "vitest";
import { otherMethods } from "./respond";

describe("otherMethods", () => {
  it("refuses every other method with a 405 in the API's error shape, naming the methods the route takes", async () => {
    const handlers = otherMethods("GET");
    expect(Object.keys(handlers).sort()).toEqual(["DELETE", "OPTIONS", "PATCH", "POST", "PUT"]);
    for (const refuse of [handlers.POST, handlers.PUT, handlers.PATCH, handlers.DELETE]) {
      const response = refuse();
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: "This address only takes GET requests." } });
    }
  });

  it("answers OPTIONS with only the methods the route takes", () => {
    const response = otherMethods("PUT").OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("PUT, OPTIONS");
    expect(Object.keys(otherMethods("POST")).sort()).toEqual(["DELETE", "GET", "OPTIONS", "PATCH", "PUT"]);
  });
});
