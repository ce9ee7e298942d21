import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_URL } from "./database-url";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("needs no configuration in development", () => {
    const env = parseEnv({});
    expect(env.database).toEqual({ provider: "sqlite", url: DEFAULT_SQLITE_URL, filePath: "./data/backchannel.db" });
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(env.seedDemoData).toBe(true);
  });

  it("trusts no proxy unless TRUSTED_PROXIES says how many, and refuses a value that is not a count", () => {
    expect(parseEnv({}).trustedProxies).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).trustedProxies).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXIES: "yes" })).toThrow(/TRUSTED_PROXIES: must be the number of proxies/);
    expect(() => parseEnv({ TRUSTED_PROXIES: "-1" })).toThrow(EnvError);
  });

  it("refuses to run in production without AUTH_SECRET and names the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
  });

  it("never seeds demo data in production", () => {
    const env = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), SEED_DEMO_DATA: "true" });
    expect(env.seedDemoData).toBe(false);
  });

  it("writes mail to the outbox folder unless SMTP_URL names a server", () => {
    expect(parseEnv({}).mail).toEqual({ from: "Backchannel <no-reply@backchannel.invalid>", smtpUrl: null, outboxDir: "data/outbox" });
    const configured = parseEnv({
      SMTP_URL: "smtps://user:pass@mail.example.org:465",
      MAIL_FROM: "Class <class@example.org>",
      AUTH_URL: "https://quiz.example.org/",
    });
    expect(configured.mail).toMatchObject({ smtpUrl: "smtps://user:pass@mail.example.org:465", from: "Class <class@example.org>" });
    expect(configured.publicUrl).toBe("https://quiz.example.org");
    expect(() => parseEnv({ SMTP_URL: "https://mail.example.org" })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });

  it("has no school sign-in unless issuer, client id and secret are all set", () => {
    expect(parseEnv({}).oidc).toBeNull();
    const oidc = { OIDC_ISSUER: "https://login.example.org/realms/school", OIDC_CLIENT_ID: "backchannel", OIDC_CLIENT_SECRET: "s3cret" };
    expect(parseEnv(oidc).oidc).toEqual({ issuer: oidc.OIDC_ISSUER, clientId: "backchannel", clientSecret: "s3cret", name: "your school account" });
    expect(parseEnv({ ...oidc, OIDC_NAME: "Northfield School" }).oidc?.name).toBe("Northfield School");
    // Entra ID's issuer as guides print it, with a slash its discovery document does not have.
    expect(parseEnv({ ...oidc, OIDC_ISSUER: "https://login.microsoftonline.com/0000-tenant/v2.0/" }).oidc?.issuer).toBe(
      "https://login.microsoftonline.com/0000-tenant/v2.0",
    );
    expect(() => parseEnv({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: is required for school sign-in.*OIDC_CLIENT_SECRET: is required/);
    expect(() => parseEnv({ ...oidc, OIDC_ISSUER: "login.example.org" })).toThrow(/OIDC_ISSUER: must be the provider's issuer URL/);
    expect(() => parseEnv({ OIDC_NAME: "School" })).toThrow(/OIDC_NAME: names the school sign-in button, but OIDC_ISSUER/);
  });

  it("picks PostgreSQL from a postgres URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5433/backchannel" }).database.provider).toBe("postgresql");
    expect(parseEnv({ DATABASE_URL: "postgres://u@db.internal/backchannel" }).database.provider).toBe("postgresql");
  });

  it.each([
    ["mysql://u:p@host/db", /DATABASE_URL: expected file:<path>/],
    ["postgresql://", /DATABASE_URL: /],
    ["postgresql://host-only", /DATABASE_URL: the postgresql:\/\/ URL names no database/],
    ["file:", /DATABASE_URL: a file: URL needs a path/],
  ])("explains a malformed DATABASE_URL %s in one line", (url, message) => {
    let thrown: unknown;
    try {
      parseEnv({ DATABASE_URL: url });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("rejects a short AUTH_SECRET", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });
});
