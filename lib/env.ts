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
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
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
};

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
  };
}

let cached: Env | undefined;

/** The process environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
