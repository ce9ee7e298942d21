// Two `next start` servers on one PostgreSQL database, and the checks that they behave as one
// (decision 0015): a session made on either is accepted by the other, the sign-in limit counts
// failures on both together, and no answer either acknowledged is lost. The reliability test
// (tests/reliability/scale-out.test.ts, in npm test) asserts what each check found; the
// scale-out benchmark (bench/scale-out.ts) runs the same checks on the same setup before it
// measures, and prints their evidence.
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { RULES } from "@/lib/auth/throttle-policy";
import { toolingClient } from "./database-client";
import { HttpSession, signIn, signInAttempt } from "./http";
import { compareLedger, ok, type AttemptQuestion, type Ledger, type LedgerComparison } from "./load";
import * as server from "./next-server";
import type { PostgresCluster } from "./postgres-cluster";
import { expectSuccess, runPrisma } from "./prisma-cli";
import { responseFor } from "./simulated-answers";

const ROOT = path.resolve(import.meta.dirname, "..");

export type ServerName = "A" | "B";
export type ServerPair = Record<ServerName, server.RunningServer>;
/** A pass/fail verdict with the evidence a report prints. */
export type ScaleOutCheck = { name: string; passed: boolean; evidence: string[] };

/** One query on its own connection. */
export async function pgQuery<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A database on the cluster as production has it: migrated with the PostgreSQL schema, seeded with
 * NODE_ENV=production (no demo accounts), plus one student account per email. The accounts share
 * one Argon2 hash and are written through the generated PostgreSQL client, not lib/db (whose import
 * would open this process's default database).
 */
export async function preparePostgresDatabase(
  cluster: PostgresCluster,
  name: string,
  { emails, password, authSecret }: { emails: string[]; password: string; authSecret: string },
): Promise<{ url: string; postgresVersion: string }> {
  const url = await cluster.createDatabase(name);
  expectSuccess(
    await runPrisma(["migrate", "deploy", "--schema", "prisma/postgres/schema.prisma"], { cwd: ROOT, env: { DATABASE_URL: url } }),
    "prisma migrate deploy",
  );
  // The seed command is `tsx prisma/seed.ts`: tsx must be on PATH also when not run through npm.
  const seedEnv = {
    DATABASE_URL: url,
    NODE_ENV: "production",
    AUTH_SECRET: authSecret,
    PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
  };
  expectSuccess(await runPrisma(["db", "seed"], { cwd: ROOT, env: seedEnv }), "prisma db seed");
  const passwordHash = await hashPassword(password);
  const client = toolingClient({ provider: "postgresql", url });
  try {
    await client.user.createMany({ data: emails.map((email, i) => ({ email, name: `Student ${i + 1}`, role: "STUDENT" as const, passwordHash })) });
  } finally {
    await client.$disconnect();
  }
  const [version] = await pgQuery<{ server_version: string }>(url, "SHOW server_version");
  return { url, postgresVersion: `PostgreSQL ${version?.server_version ?? "?"}` };
}

/**
 * Two production servers (the build in .next) on two free ports with the same AUTH_SECRET and
 * DATABASE_URL, as behind a load balancer; `cores` pins A and B to one core each. Resolves once
 * both answer /api/health; if either does not, both are stopped and the error is thrown.
 */
export async function startServerPair(
  url: string,
  authSecret: string,
  { cores = null, timeoutMs = 120_000 }: { cores?: [number, number] | null; timeoutMs?: number } = {},
): Promise<ServerPair> {
  const portA = await server.freePort();
  let portB = await server.freePort();
  while (portB === portA) portB = await server.freePort(); // the OS may hand out a just-closed port again
  const env = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    DATABASE_URL: url,
    PORT: String(port),
  });
  const pair: ServerPair = { A: server.startServer(portA, env(portA), cores?.[0] ?? null), B: server.startServer(portB, env(portB), cores?.[1] ?? null) };
  try {
    await Promise.all([server.waitUntilUp(pair.A, timeoutMs), server.waitUntilUp(pair.B, timeoutMs)]);
  } catch (error) {
    await stopServerPair(pair);
    throw error;
  }
  return pair;
}

export const stopServerPair = (pair: ServerPair) => Promise.all([server.stopServer(pair.A), server.stopServer(pair.B)]).then(() => undefined);

// ---------------------------------------------------------------------------------------------
// (1) Sessions

/** A student signed in on `home`, then the same cookie jar used on `away`. */
export type SessionCrossing = {
  email: string;
  home: ServerName;
  away: ServerName;
  homePort: number;
  awayPort: number;
  /** The sign-in on home set a session cookie. */
  signedInOnHome: boolean;
  /** GET /api/auth/session on away with home's cookies: status and the user it names. */
  sessionOnAway: { status: number; email: string | null };
  /** POST /api/v1/attempts on away with home's cookies. */
  startOnAway: { status: number; attemptId: string | null };
  /** PUT an answer to the attempt's first open question on away. */
  answerOnAway: { status: number; questionId: string | null };
  /** That question as home shows the attempt afterwards ("answered", "open", or "HTTP nnn"). */
  readBackOnHome: string;
  /** The same POST /api/v1/attempts on away without cookies. */
  startWithoutCookies: number;
};

/**
 * A session made on one server is accepted by the other, for reads and writes: emails[0] signs in
 * on A and works on B, emails[1] the other way round. Acknowledged starts and answers go into
 * `ledger`, for the lost-answer check.
 */
export async function checkSessions(
  pair: ServerPair,
  emails: [string, string],
  password: string,
  ledger: Ledger,
): Promise<ScaleOutCheck & { crossings: SessionCrossing[] }> {
  const crossings: SessionCrossing[] = [];
  const ways = [
    { email: emails[0], home: "A", away: "B" },
    { email: emails[1], home: "B", away: "A" },
  ] as const;
  for (const { email, home, away } of ways) {
    const onHome = new HttpSession(pair[home].port);
    const onAway = onHome.onPort(pair[away].port);
    const stranger = new HttpSession(pair[away].port);
    try {
      const crossing: SessionCrossing = {
        email,
        home,
        away,
        homePort: pair[home].port,
        awayPort: pair[away].port,
        signedInOnHome: await signIn(onHome, email, password),
        sessionOnAway: { status: 0, email: null },
        startOnAway: { status: 0, attemptId: null },
        answerOnAway: { status: 0, questionId: null },
        readBackOnHome: "not checked",
        startWithoutCookies: 0,
      };
      const session = await onAway.request("GET", "/api/auth/session");
      crossing.sessionOnAway = {
        status: session.status,
        email: session.status === 200 ? ((JSON.parse(session.body) as { user?: { email?: string } } | null)?.user?.email ?? null) : null,
      };
      const start = await onAway.request("POST", "/api/v1/attempts", { json: { kind: "MIXED", scopeId: null } });
      crossing.startOnAway = { status: start.status, attemptId: null };
      if (ok(start.status)) {
        const { attempt } = JSON.parse(start.body) as { attempt: { id: string; items: { status: string; question: AttemptQuestion }[] } };
        crossing.startOnAway.attemptId = attempt.id;
        ledger.attempts.add(attempt.id);
        const open = attempt.items.find((item) => item.status === "open")?.question;
        const picked = open ? responseFor(open.id, 0, Math.random, open) : null;
        if (open && picked) {
          const answer = await onAway.request("PUT", `/api/v1/attempts/${encodeURIComponent(attempt.id)}/answers/${encodeURIComponent(open.id)}`, {
            json: { response: picked.sent },
          });
          crossing.answerOnAway = { status: answer.status, questionId: open.id };
          if (ok(answer.status)) ledger.answers.push({ email, attemptId: attempt.id, questionId: open.id, response: picked.sent, stored: picked.stored });
          // The write made through one server, read back through the other.
          const view = await onHome.request("GET", `/api/v1/attempts/${encodeURIComponent(attempt.id)}`);
          const item = ok(view.status)
            ? (JSON.parse(view.body) as { items: { status: string; question: { id: string } }[] }).items.find((i) => i.question.id === open.id)
            : undefined;
          crossing.readBackOnHome = item?.status ?? `HTTP ${view.status}`;
        }
      }
      crossing.startWithoutCookies = (await stranger.request("POST", "/api/v1/attempts", { json: { kind: "MIXED", scopeId: null } })).status;
      crossings.push(crossing);
    } finally {
      onHome.close();
      onAway.close();
      stranger.close();
    }
  }
  const good = (c: SessionCrossing) =>
    c.signedInOnHome &&
    c.sessionOnAway.email === c.email &&
    ok(c.startOnAway.status) &&
    ok(c.answerOnAway.status) &&
    c.readBackOnHome === "answered" &&
    c.startWithoutCookies === 401;
  return {
    name: "Sessions are valid on both servers",
    passed: crossings.every(good),
    crossings,
    evidence: crossings.map(
      (c) =>
        `${c.email} signs in on ${c.home} (port ${c.homePort}): ${c.signedInOnHome ? "session cookie received" : "**no session**"}; with that cookie jar on ${c.away} (port ${c.awayPort}): ` +
        `GET /api/auth/session → ${c.sessionOnAway.status}, user ${c.sessionOnAway.email ?? "none"}; POST /api/v1/attempts → ${c.startOnAway.status}${c.startOnAway.attemptId ? ` (attempt ${c.startOnAway.attemptId})` : ""}; ` +
        `PUT an answer → ${c.answerOnAway.status}; the attempt read back on ${c.home} shows that question as ${c.readBackOnHome}. ` +
        `Control: the same POST on ${c.away} without cookies → ${c.startWithoutCookies}.`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// (2) The sign-in rate limit

export type SignInOutcome = { server: ServerName; password: "wrong" | "right"; signedIn: boolean; status: number; code: string | null };
export type ThrottleRow = { key: string; failures: number; lockedUntil: Date | null };

export type ThrottleFacts = {
  /** RULES.account.maxFailures (lib/auth/throttle-policy.ts). */
  limit: number;
  /** `limit` wrong passwords for `email`, alternating A, B, A…, then the right one on each server in turn. */
  sequence: SignInOutcome[];
  row: ThrottleRow | null;
  /** 2 × limit wrong passwords for `burstEmail` sent at once, half to each server. */
  burst: { outcomes: SignInOutcome[]; row: ThrottleRow | null };
};

// The lock-out belongs to one client trying one account (decision 0035); every attempt here comes
// from this machine's loopback address, so both servers count into the same client row.
async function clientRow(url: string, email: string): Promise<ThrottleRow | null> {
  const rows = await pgQuery<ThrottleRow>(
    url,
    `SELECT key, failures, "lockedUntil" FROM "Throttle" WHERE key LIKE 'signin:client:%' AND position($1 in key) > 0`,
    [email],
  );
  return rows[0] ?? null;
}

async function attemptOn(pair: ServerPair, name: ServerName, email: string, password: string, which: "wrong" | "right"): Promise<SignInOutcome> {
  // A fresh cookie jar each time: nothing but the database links the attempts.
  const session = new HttpSession(pair[name].port);
  try {
    const attempt = await signInAttempt(session, email, password);
    return { server: name, password: which, signedIn: attempt.signedIn, status: attempt.status, code: attempt.code };
  } finally {
    session.close();
  }
}

/**
 * Wrong passwords for one account, alternating between the servers, lock it after the account
 * rule's threshold in total; then the right password is refused on both. Then twice the threshold
 * of wrong passwords for another account, all at once, half to each server: each attempt is
 * counted before its password is checked (lib/auth/throttle.ts reserveAttempt), so exactly the
 * threshold of them are checked, the rest refused, and the database counts every one.
 */
export async function checkThrottle(
  pair: ServerPair,
  email: string,
  burstEmail: string,
  password: string,
  url: string,
): Promise<ScaleOutCheck & { facts: ThrottleFacts }> {
  const limit = RULES.account.maxFailures;
  const serverFor = (i: number): ServerName => (i % 2 === 0 ? "A" : "B");
  const sequence: SignInOutcome[] = [];
  for (let i = 0; i < limit; i++) sequence.push(await attemptOn(pair, serverFor(i), email, "wrong-password-for-the-throttle-check", "wrong"));
  for (let i = limit; i < limit + 2; i++) sequence.push(await attemptOn(pair, serverFor(i), email, password, "right"));
  const row = await clientRow(url, email);

  const burstOutcomes = await Promise.all(
    Array.from({ length: 2 * limit }, (_, i) => attemptOn(pair, serverFor(i), burstEmail, "wrong-password-for-the-burst", "wrong")),
  );
  const burstRow = await clientRow(url, burstEmail);
  const facts: ThrottleFacts = { limit, sequence, row, burst: { outcomes: burstOutcomes, row: burstRow } };

  const wrong = sequence.filter((o) => o.password === "wrong");
  const right = sequence.filter((o) => o.password === "right");
  const lockedMinutes = row?.lockedUntil ? (row.lockedUntil.getTime() - Date.now()) / 60_000 : 0;
  const checked = burstOutcomes.filter((o) => o.code === "credentials").length;
  const refused = burstOutcomes.filter((o) => o.code === "locked").length;
  const otherwise = burstOutcomes.length - checked - refused;
  const passed =
    // Before the limit is reached, a wrong password is just wrong, not locked.
    wrong.every((o) => !o.signedIn && o.code === "credentials") &&
    right.every((o) => !o.signedIn && o.code === "locked") &&
    row !== null &&
    row.failures >= limit &&
    lockedMinutes > 0 &&
    checked === limit &&
    refused === burstOutcomes.length - limit &&
    burstRow?.failures === burstOutcomes.length &&
    burstRow.lockedUntil !== null;
  const perServer = (name: ServerName) => wrong.filter((o) => o.server === name).length;
  return {
    name: "The sign-in rate limit is shared",
    passed,
    facts,
    evidence: [
      `Threshold read from lib/auth/throttle-policy.ts (RULES.account): locked after ${limit} failures within ${RULES.account.windowMs / 60_000} min, for ${RULES.account.lockMs / 60_000} min. ` +
        `Account ${email}, each attempt a fresh cookie jar, servers alternating: ` +
        sequence.map((o, i) => `${i + 1}. ${o.server}: ${o.password} password → ${o.signedIn ? "**signed in**" : (o.code ?? `HTTP ${o.status}`)}`).join("; ") +
        ".",
      `Server A saw ${perServer("A")} of the failures and B ${perServer("B")}, so a counter kept in each server would have locked neither; the lock-out is visible on both.`,
      row
        ? `PostgreSQL, table Throttle: \`${row.key}\` failures = ${row.failures}, locked for another ${lockedMinutes.toFixed(1)} min.`
        : `PostgreSQL, table Throttle: **no row for the account**.`,
      `${burstOutcomes.length} wrong passwords for another account (${burstEmail}) sent at once, half to each server: ${checked} answered as a wrong password (expected ${limit}), ${refused} refused as locked${otherwise ? `, ${otherwise} otherwise (signed in or no redirect)` : ""}; ` +
        `Throttle then reads failures = ${burstRow?.failures ?? 0} (every attempt counted)${burstRow?.lockedUntil ? ", locked" : ", **not locked**"}.`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// (3) No answer lost

/**
 * Everything in `ledger` (every answer, start and finish either server acknowledged) looked up in
 * PostgreSQL, answers with the response the database keeps. Run it after both servers stopped.
 * `acknowledgedBy` says how many answers each server acknowledged, for the evidence.
 */
export async function checkLedger(
  url: string,
  ledger: Ledger,
  acknowledgedBy: Record<ServerName, number>,
  during = "in the measured phases",
): Promise<{ check: ScaleOutCheck; verification: LedgerComparison }> {
  const answerRows = await pgQuery<{ attemptId: string; questionId: string; response: unknown }>(
    url,
    `SELECT "attemptId", "questionId", response FROM "AttemptAnswer"`,
  );
  const attemptRows = await pgQuery<{ id: string; finished: boolean }>(url, `SELECT id, "finishedAt" IS NOT NULL AS finished FROM "Attempt"`);
  const v = compareLedger(
    ledger,
    {
      answers: new Map(answerRows.map((row) => [`${row.attemptId}/${row.questionId}`, row.response])),
      attempts: new Map(attemptRows.map((row) => [row.id, row.finished])),
    },
    // jsonb keeps its own key order: compare by value.
    isDeepStrictEqual,
  );
  const passed = v.acknowledged > 0 && v.missing === 0 && v.different === 0 && v.attemptsMissing === 0 && v.finishesMissing === 0;
  return {
    verification: v,
    check: {
      name: "No answer lost",
      passed,
      evidence: [
        `${v.acknowledged} answers acknowledged (2xx) over the whole run (${during}: ${acknowledgedBy.A} by server A, ${acknowledgedBy.B} by server B); ` +
          `${v.rowsInDatabase} AttemptAnswer rows in PostgreSQL after both servers stopped; **${v.missing} missing**${v.sampleMissing.length ? ` (e.g. ${v.sampleMissing.join(", ")})` : ""}, ` +
          `${v.different} stored with another response${v.sampleDifferent.length ? ` (e.g. ${v.sampleDifferent.join(", ")})` : ""}.`,
        `Started attempts: ${v.attemptsAcknowledged} acknowledged, ${v.attemptsMissing} missing. Finishes: ${v.finishesAcknowledged} acknowledged, ${v.finishesMissing} not finished in the database.`,
      ],
    },
  };
}
