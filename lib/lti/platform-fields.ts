/**
 * A platform's registration as an administrator types it (pure: the admin form's schema, with a
 * message beside each field). Deployment ids come one per line or separated by commas.
 */
import { z } from "zod";

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Give the platform's ${what}.`)
    .max(500, "Keep this under 500 characters.")
    .refine((value) => {
      // An empty one has its own message above.
      if (value === "") return true;
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.hash;
      } catch {
        return false;
      }
    }, `The ${what} must be a full web address (starting with https://).`);

export const PlatformFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the platform a name, as your teachers know it (for example “Northfield Moodle”).")
    .max(100, "Keep the name under 100 characters."),
  issuer: httpUrl("issuer (platform ID)"),
  clientId: z.string().trim().min(1, "Give the client ID the platform gave Backchannel.").max(255, "Keep the client ID under 255 characters."),
  deploymentIds: z
    .string()
    .max(2000, "Keep the deployment IDs under 2,000 characters.")
    .transform((value) => [...new Set(value.split(/[\s,]+/).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(255, "A deployment ID is at most 255 characters."))
        .min(1, "Give at least one deployment ID (Moodle and Canvas show it with the client ID).")
        .max(20, "At most 20 deployment IDs."),
    ),
  authLoginUrl: httpUrl("authentication request URL"),
  tokenUrl: httpUrl("access token URL"),
  keySetUrl: httpUrl("public keyset URL"),
});
export type PlatformFields = z.output<typeof PlatformFieldsSchema>;

/** The stored list of deployment ids, read defensively (it is JSON in the database). */
export function deploymentIdsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The tool's own addresses, for the platform's side of the registration. */
export function toolUrls(baseUrl: string) {
  const base = baseUrl.replace(/\/$/, "");
  return {
    loginUrl: `${base}/api/lti/login`,
    launchUrl: `${base}/api/lti/launch`,
    keySetUrl: `${base}/api/lti/jwks`,
    deepLinkingUrl: `${base}/api/lti/launch`,
  };
}
