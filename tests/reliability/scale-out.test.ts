// Two production servers on one PostgreSQL database behave as one (decision 0015): a session made
// on either is accepted by the other, the sign-in limit counts failures on both together, and no
// answer either acknowledged is lost. The same setup and checks as `npm run bench:scale-out`
// (tooling/scale-out.ts), with a small load: correctness here, throughput in the benchmark.
// A throwaway cluster of its own; skipped loudly without PostgreSQL unless REQUIRE_POSTGRES=1.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newLedger, quizDriver, scopes, signInAll, studentEmails, studentLoop, type Student } from "@/tooling/load";
import { postgresAvailability, startPostgresCluster, type PostgresCluster } from "@/tooling/postgres-cluster";
import { checkLedger, checkSessions, checkThrottle, preparePostgresDatabase, startServerPair, stopServerPair, type ServerPair } from "@/tooling/scale-out";
import { seededRandom } from "@/tooling/stats";
import { assertBuilt } from "./own-server";

const availability = postgresAvailability();

const PASSWORD = "scale-out-student-password-1";
const AUTH_SECRET = randomBytes(32).toString("base64");
const SESSION_EMAILS: [string, string] = ["scale-session-a@scale.test", "scale-session-b@scale.test"];
const THROTTLE_EMAIL = "scale-throttle@scale.test";
const BURST_EMAIL = "scale-throttle-burst@scale.test";
// Student i of the load signs in on server i mod 2 and stays there.
const LOAD_EMAILS = studentEmails(8, "scale-student");
const ANSWERS_PER_SERVER = 60;

describe.skipIf(!availability.available)("two app servers on one PostgreSQL database", () => {
  let cluster: PostgresCluster | null = null;
  let pair: ServerPair | null = null;
  let url = "";
  // Everything either server acknowledged, from the session check and the load, checked at the end.
  const ledger = newLedger();

  const servers = (): ServerPair => {
    if (!pair) throw new Error("the servers did not start");
    return pair;
  };

  beforeAll(async () => {
    if (!availability.available) return;
    assertBuilt();
    cluster = await startPostgresCluster(availability.bin);
    ({ url } = await preparePostgresDatabase(cluster, "scale_out", {
      emails: [...SESSION_EMAILS, THROTTLE_EMAIL, BURST_EMAIL, ...LOAD_EMAILS],
      password: PASSWORD,
      authSecret: AUTH_SECRET,
    }));
    pair = await startServerPair(url, AUTH_SECRET);
  });

  afterAll(async () => {
    if (pair) await stopServerPair(pair);
    await cluster?.stop();
  });

  it("a session made on either server is accepted by the other, for reads and writes", async () => {
    const result = await checkSessions(servers(), SESSION_EMAILS, PASSWORD, ledger);
    console.log(result.evidence.join("\n"));
    expect(result.crossings.map((c) => `${c.home}→${c.away}`)).toEqual(["A→B", "B→A"]);
    for (const c of result.crossings) {
      const where = `${c.email}, signed in on ${c.home}, on ${c.away}`;
      expect(c.signedInOnHome, `${c.email} signs in on ${c.home}`).toBe(true);
      // The other server reads the user from the cookie it did not issue...
      expect(c.sessionOnAway, where).toEqual({ status: 200, email: c.email });
      // ...and lets it write: a new attempt and an answer.
      expect(c.startOnAway.status, where).toBe(201);
      expect(c.answerOnAway.status, where).toBe(201);
      // The answer written through one server is what the other reads.
      expect(c.readBackOnHome, `the answer made on ${c.away}, read on ${c.home}`).toBe("answered");
      // Control: without the cookie the same write is refused, so the cookie is what let it through.
      expect(c.startWithoutCookies, `no cookies on ${c.away}`).toBe(401);
    }
    expect(result.passed).toBe(true);
  });

  it("the sign-in rate limit counts failures on both servers together", async () => {
    const { facts, evidence, passed } = await checkThrottle(servers(), THROTTLE_EMAIL, BURST_EMAIL, PASSWORD, url);
    console.log(evidence.join("\n"));
    const { limit } = facts;
    const show = (o: { server: string; password: string; signedIn: boolean; code: string | null }) =>
      `${o.server} ${o.password}: ${o.signedIn ? "signed in" : o.code}`;
    // limit wrong passwords, alternating, so neither server alone saw the limit...
    const wrong = Array.from({ length: limit }, (_, i) => `${i % 2 === 0 ? "A" : "B"} wrong: credentials`);
    // ...and then the right password is refused on both.
    const right = Array.from({ length: 2 }, (_, i) => `${(limit + i) % 2 === 0 ? "A" : "B"} right: locked`);
    expect(facts.sequence.map(show)).toEqual([...wrong, ...right]);
    expect(facts.row?.failures).toBeGreaterThanOrEqual(limit);
    expect(facts.row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());

    // All at once, half to each server: exactly `limit` passwords checked, the rest refused, all counted.
    const burst = facts.burst.outcomes;
    expect(burst).toHaveLength(2 * limit);
    expect(new Set(burst.map((o) => o.server))).toEqual(new Set(["A", "B"]));
    expect(burst.filter((o) => o.signedIn)).toEqual([]);
    expect(burst.filter((o) => o.code === "credentials")).toHaveLength(limit);
    expect(burst.filter((o) => o.code === "locked")).toHaveLength(limit);
    expect(facts.burst.row?.failures).toBe(2 * limit);
    expect(facts.burst.row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(passed).toBe(true);
  });

  it("no answer either server acknowledged is lost", async () => {
    const { A, B } = servers();
    let students: Student[] = [];
    let counts = { A: 0, B: 0 };
    try {
      students = await signInAll([A.port, B.port], LOAD_EMAILS, PASSWORD);
      const onA = new Set(LOAD_EMAILS.filter((_, i) => i % 2 === 0));
      const acknowledgedBy = () => ({
        A: ledger.answers.filter((a) => onA.has(a.email)).length,
        B: ledger.answers.filter((a) => LOAD_EMAILS.includes(a.email) && !onA.has(a.email)).length,
      });
      // Students in a closed loop (start, answer every question, finish, next) until each server
      // has acknowledged enough answers, or a minute has passed.
      const random = seededRandom(14);
      const scope = scopes();
      const driver = quizDriver(null, ledger, { random, wrongRate: 0.3, duplicateRate: 0 });
      const deadline = Date.now() + 60_000;
      const stop = () => Date.now() > deadline || Object.values(acknowledgedBy()).every((n) => n >= ANSWERS_PER_SERVER);
      await Promise.all(
        students.map((student) =>
          studentLoop(
            student,
            driver,
            stop,
            () => 0,
            () => scope.pick(random),
          ),
        ),
      );
      counts = acknowledgedBy();
      expect(ledger.failures, "requests refused during the load").toEqual([]);
      expect(counts.A, "answers acknowledged by server A").toBeGreaterThanOrEqual(ANSWERS_PER_SERVER);
      expect(counts.B, "answers acknowledged by server B").toBeGreaterThanOrEqual(ANSWERS_PER_SERVER);
      expect(ledger.finished.size, "finished quizzes").toBeGreaterThan(0);
    } finally {
      for (const student of students) student.http.close();
    }

    // Both servers stopped: whatever is in PostgreSQL now is all there is.
    await stopServerPair(servers());
    const { check, verification: v } = await checkLedger(url, ledger, counts, "in the load");
    console.log(check.evidence.join("\n"));
    expect(v.acknowledged).toBe(ledger.answers.length);
    expect(v.sampleMissing, `${v.missing} acknowledged answers missing`).toEqual([]);
    expect(v.sampleDifferent, `${v.different} acknowledged answers stored with another response`).toEqual([]);
    expect({ attemptsMissing: v.attemptsMissing, finishesMissing: v.finishesMissing }).toEqual({ attemptsMissing: 0, finishesMissing: 0 });
    // Every request got its answer, so nothing is in the database that was not acknowledged either.
    expect(v.rowsInDatabase).toBe(ledger.answers.length);
    expect(check.passed).toBe(true);
  });
});
