// The simulated students of the quiz load, shared by the benchmark (bench/quiz.ts) and the
// reliability tests (tests/reliability/): a database with N student accounts, sign-in over
// HTTP, and each student's loop of start → answer every open question → finish, with a ledger
// of everything the server acknowledged (2xx) to check against the database file afterwards.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { getLessons, getPhases } from "@/lib/content";
import { getQuestionBank, getQuestionsForLesson, getQuestionsForPhase } from "@/lib/quiz/bank";
import type { QuizKind } from "@/lib/enums";
import { QUIZ_LENGTH } from "@/lib/quiz/quiz-length";
import type { QuestionResponse } from "@/lib/quiz/schema";
import { responseFor, type ShownQuestion } from "./simulated-answers";
import { prepareFreshDatabase } from "./fresh-database";
import { HttpSession, signIn } from "./http";
import type { Recorder } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "..");

export type Student = { email: string; http: HttpSession };
/** What a student practises: any quiz but a review, which depends on earlier answers. */
export type Scope = { kind: Exclude<QuizKind, typeof QuizKind.REVIEW>; scopeId: string | null };

export function studentEmails(count: number, prefix = "bench-student"): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(5, "0")}@bench.test`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/**
 * A fresh SQLite file, migrated and seeded without demo data, with one student account per email
 * (they share one Argon2 hash: hashing is not what the load measures). The accounts are created by
 * bench/create-students.ts in its own process, so this process never opens lib/db's client.
 */
export function prepareLoadDatabase(dbFile: string, emails: string[], password: string): void {
  const databaseUrl = `file:${dbFile}`;
  prepareFreshDatabase(databaseUrl, { demo: false, stdio: "pipe" });
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  run(path.join(ROOT, "node_modules/.bin/tsx"), ["bench/create-students.ts"], {
    ...env,
    BENCH_STUDENT_EMAILS: emails.join("\n"),
    BENCH_STUDENT_PASSWORD: password,
  });
}

/** Signs every student in over HTTP, `parallel` at a time (Argon2 verification is deliberately slow). */
export async function signInAll(ports: number | readonly number[], emails: string[], password: string, parallel = 8): Promise<Student[]> {
  // With several servers, student i talks to server i mod n, always the same one.
  const list = typeof ports === "number" ? [ports] : ports;
  const students = emails.map((email, i) => ({ email, http: new HttpSession(list[i % list.length] ?? 0) }));
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < students.length) {
        const student = students[next++];
        if (student && !(await signIn(student.http, student.email, password))) throw new Error(`sign-in failed for ${student.email}`);
      }
    }),
  );
  return students;
}

/** Mixed review, a lesson quiz or a phase quiz, like the quiz list offers. */
export function scopes(): { pick: (random: () => number) => Scope; length: (scope: Scope) => number } {
  const lessons = getLessons().map((l) => l.slug);
  const phases = getPhases().map((p) => p.id);
  return {
    pick(random) {
      const r = random();
      if (r < 0.4) return { kind: "MIXED", scopeId: null };
      if (r < 0.7) return { kind: "LESSON", scopeId: lessons[Math.floor(random() * lessons.length)] ?? null };
      return { kind: "PHASE", scopeId: phases[Math.floor(random() * phases.length)] ?? null };
    },
    length(scope) {
      const pool =
        scope.kind === "MIXED"
          ? getQuestionBank()
          : scope.kind === "LESSON"
            ? getQuestionsForLesson(scope.scopeId ?? "")
            : getQuestionsForPhase(scope.scopeId ?? "");
      return Math.min(QUIZ_LENGTH[scope.kind], pool.length);
    },
  };
}

/** A question of an attempt, as the API showed it. */
export type AttemptQuestion = ShownQuestion & { id: string };

/** What a student does at each step: the quiz API, or the floor route in the same places. */
export type Driver = {
  start(student: Student, scope: Scope): Promise<{ attemptId: string; open: AttemptQuestion[] } | null>;
  /** `question` as the attempt's view showed it: its option ids are that attempt's tokens. */
  answer(student: Student, attemptId: string, question: AttemptQuestion): Promise<void>;
  finish(student: Student, attemptId: string): Promise<void>;
};

export const ok = (status: number) => status >= 200 && status < 300;

/** `response` as sent (the attempt's option tokens), `stored` as the database keeps it (the bank's ids). */
export type SentAnswer = { email: string; attemptId: string; questionId: string; response: QuestionResponse; stored: QuestionResponse };

/** Everything the server acknowledged (2xx), checked against the database file at the end. */
export type Ledger = {
  answers: SentAnswer[];
  /** Attempts a start returned. */
  attempts: Set<string>;
  /** Attempts a finish was acknowledged for. */
  finished: Set<string>;
  /** Acknowledged floor writes per student email (each adds 1 to the student's BenchFloorWrite row). */
  floorWrites: Map<string, number>;
  /** Each student's latest attempt and the quiz it belongs to. */
  current: Map<string, { attemptId: string; scope: Scope }>;
  /** Requests sent and not answered yet (what a crash leaves without an acknowledgement). */
  inFlight: Set<{ email: string; op: "start" | "answer" | "finish"; answer?: SentAnswer }>;
  /** Every response that was neither 2xx nor "no response" (status 0), with the start of its body. */
  failures: { op: string; status: number; body: string }[];
};

export function newLedger(): Ledger {
  return { answers: [], attempts: new Set(), finished: new Set(), floorWrites: new Map(), current: new Map(), inFlight: new Set(), failures: [] };
}

export type DriverSettings = { random: () => number; wrongRate: number; duplicateRate: number };

export function quizDriver(recorder: Recorder | null, ledger: Ledger, { random, wrongRate, duplicateRate }: DriverSettings): Driver {
  const note = (op: string, status: number, body: string) => {
    if (!ok(status) && status !== 0) ledger.failures.push({ op, status, body: body.slice(0, 300) });
  };
  return {
    async start(student, scope) {
      const pending = { email: student.email, op: "start" as const };
      ledger.inFlight.add(pending);
      const response = await student.http.request("POST", "/api/v1/attempts", { json: scope });
      ledger.inFlight.delete(pending);
      recorder?.add("start", response.startedAt, response.endedAt, response.status);
      note("start", response.status, response.body);
      if (!ok(response.status)) return null;
      const { attempt } = JSON.parse(response.body) as { attempt: { id: string; items: { status: string; question: AttemptQuestion }[] } };
      ledger.attempts.add(attempt.id);
      ledger.current.set(student.email, { attemptId: attempt.id, scope });
      return { attemptId: attempt.id, open: attempt.items.filter((item) => item.status === "open").map((item) => item.question) };
    },
    async answer(student, attemptId, question) {
      // Option ids are the attempt's own tokens: the answer is picked by text from the view.
      const questionId = question.id;
      const picked = responseFor(questionId, wrongRate, random, question);
      if (!picked) throw new Error(`question ${questionId} is not in the built-in bank`);
      const body = picked.sent;
      const path = `/api/v1/attempts/${encodeURIComponent(attemptId)}/answers/${encodeURIComponent(questionId)}`;
      const sent: SentAnswer = { email: student.email, attemptId, questionId, response: body, stored: picked.stored };
      const pending = { email: student.email, op: "answer" as const, answer: sent };
      ledger.inFlight.add(pending);
      // Sometimes the same answer twice at once, as a client that retries too early would send it.
      const twice = random() < duplicateRate;
      const [response, duplicate] = await Promise.all([
        student.http.request("PUT", path, { json: { response: body } }),
        twice ? student.http.request("PUT", path, { json: { response: body }, ownConnection: true }) : null,
      ]);
      ledger.inFlight.delete(pending);
      recorder?.add("answer", response.startedAt, response.endedAt, response.status);
      note("answer", response.status, response.body);
      if (duplicate) {
        recorder?.add("duplicate", duplicate.startedAt, duplicate.endedAt, duplicate.status);
        note("duplicate", duplicate.status, duplicate.body);
      }
      if (ok(response.status) || (duplicate && ok(duplicate.status))) ledger.answers.push(sent);
    },
    async finish(student, attemptId) {
      const pending = { email: student.email, op: "finish" as const };
      ledger.inFlight.add(pending);
      const response = await student.http.request("POST", `/api/v1/attempts/${encodeURIComponent(attemptId)}/finish`);
      ledger.inFlight.delete(pending);
      recorder?.add("finish", response.startedAt, response.endedAt, response.status);
      note("finish", response.status, response.body);
      if (ok(response.status)) ledger.finished.add(attemptId);
    },
  };
}

export function floorDriver(recorder: Recorder | null, ledger: Ledger, length: (scope: Scope) => number, { random, duplicateRate }: DriverSettings): Driver {
  const post = async (student: Student, answerSlot: boolean, ownConnection = false) => {
    const response = await student.http.request("POST", "/api/bench/floor", { ownConnection });
    recorder?.add(ownConnection ? "duplicate" : "floor", response.startedAt, response.endedAt, response.status, answerSlot && !ownConnection);
    if (ok(response.status)) ledger.floorWrites.set(student.email, (ledger.floorWrites.get(student.email) ?? 0) + 1);
    return ok(response.status);
  };
  return {
    async start(student, scope) {
      if (!(await post(student, false))) return null;
      return { attemptId: "floor", open: Array.from({ length: length(scope) }, (_, i) => ({ id: `slot-${i}`, type: "floor" })) };
    },
    async answer(student) {
      // The same shape as the quiz: a second request at the same time as often as it sends duplicates.
      await Promise.all([post(student, true), random() < duplicateRate ? post(student, false, true) : null]);
    },
    async finish(student) {
      await post(student, false);
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One student until `stop()` says so: start a quiz, answer each open question (after a pause at
 * classroom pace, none at saturation), finish, start the next. A failed start backs off briefly.
 */
export async function studentLoop(student: Student, driver: Driver, stop: () => boolean, pause: () => number, pick: () => Scope): Promise<void> {
  while (!stop()) {
    const started = await driver.start(student, pick());
    if (!started) {
      await sleep(Math.max(pause(), 100));
      continue;
    }
    for (const question of started.open) {
      const wait = pause();
      if (wait > 0) await sleep(wait);
      if (stop()) return;
      await driver.answer(student, started.attemptId, question);
    }
    if (stop()) return;
    await driver.finish(student, started.attemptId);
  }
}

export type LedgerCheck = {
  acknowledged: number;
  rowsInDatabase: number;
  missing: number;
  sampleMissing: string[];
  attemptsAcknowledged: number;
  attemptsMissing: number;
  finishesAcknowledged: number;
  finishesMissing: number;
};

/** compareLedger's result: also the acknowledged answers held with another response. */
export type LedgerComparison = LedgerCheck & { different: number; sampleDifferent: string[] };

/**
 * The ledger against what the database holds: each answer row's response by "attemptId/questionId",
 * and every attempt with whether it is finished. Whatever database was read, the comparison is the
 * same; `same` compares a stored response with the one acknowledged (as the database returns it).
 */
export function compareLedger(
  ledger: Ledger,
  inDatabase: { answers: Map<string, unknown>; attempts: Map<string, boolean> },
  same: (stored: unknown, acknowledged: QuestionResponse) => boolean,
): LedgerComparison {
  const key = (a: SentAnswer) => `${a.attemptId}/${a.questionId}`;
  const missing = ledger.answers.filter((a) => !inDatabase.answers.has(key(a)));
  // The database keeps the bank's option ids; the learner sent the attempt's tokens for them.
  const different = ledger.answers.filter((a) => inDatabase.answers.has(key(a)) && !same(inDatabase.answers.get(key(a)), a.stored));
  return {
    acknowledged: ledger.answers.length,
    rowsInDatabase: inDatabase.answers.size,
    missing: missing.length,
    sampleMissing: missing.slice(0, 5).map(key),
    different: different.length,
    sampleDifferent: different.slice(0, 5).map(key),
    attemptsAcknowledged: ledger.attempts.size,
    attemptsMissing: [...ledger.attempts].filter((id) => !inDatabase.attempts.has(id)).length,
    finishesAcknowledged: ledger.finished.size,
    finishesMissing: [...ledger.finished].filter((id) => inDatabase.attempts.get(id) !== true).length,
  };
}
