import { exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet } from "jose";
import { describe, expect, it } from "vitest";
import { deepLinkingResponse } from "./deep-linking";

describe("Deep Linking response", () => {
  it("is signed by the tool's key for the platform and carries the item, with a line item only when graded", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256" }] });
    const jwt = await deepLinkingResponse(
      { clientId: "tool-client", issuer: "https://moodle.example.org", deploymentId: "d1", data: "opaque" },
      [
        { title: "Quiz: one", resource: "quiz:one", launchUrl: "https://bc.example.org/api/lti/launch", graded: true },
        { title: "Lesson one", resource: "lesson:one", launchUrl: "https://bc.example.org/api/lti/launch", graded: false },
      ],
      { privateKey, kid: "k1", alg: "RS256" },
    );
    const { payload, protectedHeader } = await jwtVerify(jwt, keys, { issuer: "tool-client", audience: "https://moodle.example.org" });
    expect(protectedHeader.kid).toBe("k1");
    expect(payload["https://purl.imsglobal.org/spec/lti/claim/message_type"]).toBe("LtiDeepLinkingResponse");
    expect(payload["https://purl.imsglobal.org/spec/lti/claim/deployment_id"]).toBe("d1");
    expect(payload["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe("opaque");
    const items = payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as Record<string, unknown>[];
    expect(items[0]).toMatchObject({ type: "ltiResourceLink", custom: { backchannel_resource: "quiz:one" }, lineItem: { scoreMaximum: 100 } });
    expect(items[1]).not.toHaveProperty("lineItem");
  });
});
