// A teacher's Deep Linking request, from the launch that stored it to the signed answer (decision 0051).
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { deepLinkingResponse } from "./deep-linking";
import { toolSigningKey } from "./key-store";
import { toolUrls } from "./platform-fields";
import { parseResource, pickableResources, isGraded } from "./resources";

const GONE = "This request to add content has expired. Choose “Select content” in your course again.";

export async function findDeepLinkRequest(requestId: string, userId: string, now = new Date()) {
  const request = await db.ltiDeepLinkRequest.findFirst({
    where: { id: requestId, userId, expiresAt: { gt: now } },
    select: { id: true, returnUrl: true, platform: { select: { name: true } } },
  });
  return request ? { id: request.id, platformName: request.platform.name } : null;
}

/** The signed answer and where it goes; the request is used up. */
export async function answerDeepLink(
  requestId: string,
  userId: string,
  resourceKey: string,
  baseUrl: string,
  now = new Date(),
): Promise<{ returnUrl: string; jwt: string }> {
  const request = await db.ltiDeepLinkRequest.findFirst({
    where: { id: requestId, userId, expiresAt: { gt: now } },
    select: { id: true, returnUrl: true, deploymentId: true, data: true, platform: { select: { clientId: true, issuer: true } } },
  });
  if (!request) throw new DomainError("not_found", GONE);
  const resource = parseResource(resourceKey);
  const item = pickableResources().find((candidate) => candidate.key === resourceKey);
  if (!resource || !item) throw new DomainError("invalid_input", "Choose a lesson or a quiz from the list.");
  const jwt = await deepLinkingResponse(
    { clientId: request.platform.clientId, issuer: request.platform.issuer, deploymentId: request.deploymentId, data: request.data },
    [{ title: item.title, resource: resourceKey, launchUrl: toolUrls(baseUrl).launchUrl, graded: isGraded(resource) }],
    await toolSigningKey(now),
    now,
  );
  const { count } = await db.ltiDeepLinkRequest.deleteMany({ where: { id: request.id } });
  if (count !== 1) throw new DomainError("not_found", GONE);
  return { returnUrl: request.returnUrl, jwt };
}
