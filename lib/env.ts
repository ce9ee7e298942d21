// Environment, parsed once with zod. Development and tests need no .env file;
// production refuses to start without its secrets and says which variable is missing.
import { z } from "zod";
import { databaseTarget, DatabaseUrlError } from "./database-url";

// Used only outside production, so that a fresh clone runs with no configuration.
const DEVELOPMENT_AUTH_SECRET = "backchannel-development-secret-not-for-production-use";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
    AUTH_URL: z.url().optional(),
    AUTH_TRUST_HOST: z.enum(["true", "false", "1", "0"]).optional(),
    SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@mail.example.org:465" }).optional(),
    MAIL_FROM: z.string().trim().min(3).max(200).optional(),
    MAIL_OUTBOX: z.string().min(1).optional(),
    TRUSTED_PROXIES: z
      .string()
      .regex(/^(0|[1-9][0-9]?)$/, "must be the number of proxies in front of the app (0 to 99), e.g. 1 behind one nginx")
      .optional(),
    // School sign-in (OpenID Connect, decision 0047): all three of issuer, client id and secret, or none.
    OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the provider's issuer URL, e.g. https://accounts.google.com" }).optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1, "must not be empty").max(500).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1, "must not be empty").max(2000).optional(),
    OIDC_NAME: z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters (it is the button's text)").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    const oidc = { OIDC_ISSUER: env.OIDC_ISSUER, OIDC_CLIENT_ID: env.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET };
    const given = Object.entries(oidc).filter(([, value]) => value !== undefined);
    if (given.length > 0 && given.length < 3) {
      for (const [key, value] of Object.entries(oidc)) {
        if (value === undefined)
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is required for school sign-in (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together)",
          });
      }
    }
    if (env.OIDC_NAME !== undefined && given.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_NAME"],
        message: "names the school sign-in button, but OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not set",
      });
    }
  });

export class EnvError extends Error {
  override name = "EnvError";
}

export type Env = {
  nodeEnv: "development" | "test" | "production";
  database: ReturnType<typeof databaseTarget>;
  authSecret: string;
  /** Demo accounts and demo data are seeded only outside production. */
  seedDemoData: boolean;
  /** The public URL (AUTH_URL), without a trailing slash: links in emails start with it. */
  publicUrl: string | null;
  /** Where mail goes: the SMTP server named by SMTP_URL, else .eml files in a folder (lib/mail/). */
  mail: { from: string; smtpUrl: string | null; outboxDir: string };
  /** How many proxies in front append to X-Forwarded-For; 0 (the default) reads the socket only (decision 0035). */
  trustedProxies: number;
  /** School sign-in through OpenID Connect, or null when the deployment has none (decision 0047). */
  oidc: SchoolSignInConfig | null;
};

export type SchoolSignInConfig = { issuer: string; clientId: string; clientSecret: string; name: string };

/** The button says "Sign in with <name>"; without OIDC_NAME, "your school account". */
export const DEFAULT_OIDC_NAME = "your school account";

const DEFAULT_MAIL_FROM = "Backchannel <no-reply@backchannel.invalid>";

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new EnvError(`Invalid environment: ${lines.join("; ")}`);
  }
  const env = result.data;
  let database: Env["database"];
  try {
    database = databaseTarget(env.DATABASE_URL);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new EnvError(error.message);
    throw error;
  }
  return {
    nodeEnv: env.NODE_ENV,
    database,
    authSecret: env.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    seedDemoData: env.NODE_ENV !== "production" && env.SEED_DEMO_DATA !== "false",
    publicUrl: env.AUTH_URL ? env.AUTH_URL.replace(/\/+$/, "") : null,
    mail: { from: env.MAIL_FROM ?? DEFAULT_MAIL_FROM, smtpUrl: env.SMTP_URL ?? null, outboxDir: env.MAIL_OUTBOX ?? "data/outbox" },
    trustedProxies: Number(env.TRUSTED_PROXIES ?? "0"),
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            // Without a trailing slash: the discovery document's issuer must match the configured one
            // exactly, and Entra ID's (…/v2.0) and Keycloak's (…/realms/name) have none, while guides
            // often print one. The issuer is also half of a linked identity's key (SchoolIdentity).
            issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            name: env.OIDC_NAME ?? DEFAULT_OIDC_NAME,
          }
        : null,
  };
}

let cached: Env | undefined;

/** The process environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
