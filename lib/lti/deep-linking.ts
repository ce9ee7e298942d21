/**
 * The tool's answer to a Deep Linking request (1EdTech Deep Linking 2.0 §4.2): a JWT signed by our
 * key, issued by our client id for the platform, carrying one LTI resource link content item. A
 * graded item (a quiz) also asks the platform for a line item, so scores have somewhere to go.
 */
import { SignJWT } from "jose";
import type { ToolKey } from "./ags";
import { LTI_CLAIM } from "./launch";
import { RESOURCE_PARAM } from "./resources";

const DL_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/";

export type DeepLinkItem = { title: string; resource: string; launchUrl: string; graded: boolean };

export function contentItem(item: DeepLinkItem): Record<string, unknown> {
  return {
    type: "ltiResourceLink",
    title: item.title,
    url: item.launchUrl,
    custom: { [RESOURCE_PARAM]: item.resource },
    // Scores are sent as a fraction of 100 (lib/lti/outbox.ts).
    ...(item.graded ? { lineItem: { scoreMaximum: 100, label: item.title, resourceId: item.resource } } : {}),
  };
}

export async function deepLinkingResponse(
  { clientId, issuer, deploymentId, data }: { clientId: string; issuer: string; deploymentId: string; data: string | null },
  items: readonly DeepLinkItem[],
  key: ToolKey,
  now = new Date(),
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    nonce: crypto.randomUUID(),
    [`${LTI_CLAIM}message_type`]: "LtiDeepLinkingResponse",
    [`${LTI_CLAIM}version`]: "1.3.0",
    [`${LTI_CLAIM}deployment_id`]: deploymentId,
    [`${DL_CLAIM}content_items`]: items.map(contentItem),
    // The platform's `data` comes back untouched, when it sent one (§4.2.1).
    ...(data !== null ? { [`${DL_CLAIM}data`]: data } : {}),
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(clientId)
    .setAudience(issuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(key.privateKey);
}
