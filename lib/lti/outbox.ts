/**
 * The score outbox (decision 0051): a finished attempt that a launch with a line item started is
 * queued as an LtiScore, then sent (lib/lti/ags.ts). A platform that is down or busy (`retry`) gets
 * it again after a growing wait (lib/lti/backoff.ts); a refusal is kept as FAILED with the reason.
 * Sending runs after each finish, whenever a teacher opens the scores page (or presses "Send
 * waiting scores now") and every minute in the server itself (./score-sender.ts).
 */
import { db } from "@/lib/db";
import { accessToken, ScoreNotSent, sendScore } from "./ags";
import { nextTryDelayMs } from "./backoff";
import { toolSigningKey } from "./key-store";

/** Queues the attempt's score when a launch with a line item started it; true when queued. */
export async function queueScore(attemptId: string): Promise<boolean> {
  const link = await db.ltiAttempt.findUnique({ where: { attemptId }, select: { subject: true, resourceLink: { select: { id: true, lineItemUrl: true } } } });
  if (!link?.resourceLink.lineItemUrl) return false;
  const attempt = await db.attempt.findUnique({ where: { id: attemptId }, select: { userId: true, score: true, finishedAt: true } });
  if (!attempt?.finishedAt || attempt.score === null) return false;
  await db.ltiScore.upsert({
    where: { attemptId },
    create: {
      attemptId,
      resourceLinkId: link.resourceLink.id,
      userId: attempt.userId,
      subject: link.subject,
      lineItemUrl: link.resourceLink.lineItemUrl,
      scoreGiven: Math.round(attempt.score * 10_000) / 100,
      scoreMaximum: 100,
      finishedAt: attempt.finishedAt,
    },
    update: {},
  });
  return true;
}

const LEASE_MS = 2 * 60_000;

/** Sends the scores that are due (all waiting ones with `all`); returns how many were acknowledged. */
export async function sendDueScores({ now = new Date(), all = false }: { now?: Date; all?: boolean } = {}): Promise<number> {
  const due = await db.ltiScore.findMany({
    where: all ? { status: "PENDING" } : { status: "PENDING", nextTryAt: { lte: now } },
    orderBy: { nextTryAt: "asc" },
    take: 50,
    select: {
      id: true,
      tries: true,
      nextTryAt: true,
      subject: true,
      lineItemUrl: true,
      scoreGiven: true,
      scoreMaximum: true,
      finishedAt: true,
      resourceLink: { select: { platform: { select: { clientId: true, tokenUrl: true } } } },
    },
  });
  if (due.length === 0) return 0;
  const key = await toolSigningKey(now);
  const tokens = new Map<string, Promise<string>>();
  let sent = 0;
  for (const score of due) {
    // Claimed first, so a second sender running at once skips it.
    const { count } = await db.ltiScore.updateMany({
      where: { id: score.id, status: "PENDING", nextTryAt: score.nextTryAt },
      data: { nextTryAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (count !== 1) continue;
    const { clientId, tokenUrl } = score.resourceLink.platform;
    const tries = score.tries + 1;
    try {
      const cacheKey = `${clientId} ${tokenUrl}`;
      let token = tokens.get(cacheKey);
      if (!token) {
        token = accessToken(clientId, tokenUrl, key);
        tokens.set(cacheKey, token);
      }
      await sendScore(score.lineItemUrl, await token, {
        userId: score.subject,
        scoreGiven: score.scoreGiven,
        scoreMaximum: score.scoreMaximum,
        timestamp: score.finishedAt,
      });
      await db.ltiScore.update({ where: { id: score.id }, data: { status: "SENT", tries, sentAt: new Date(), lastError: null } });
      sent += 1;
    } catch (error) {
      tokens.clear();
      const reason = error instanceof ScoreNotSent ? error.message : "The score could not be sent.";
      if (!(error instanceof ScoreNotSent)) console.error("LTI score not sent:", error);
      const retry = !(error instanceof ScoreNotSent) || error.retry;
      await db.ltiScore.update({
        where: { id: score.id },
        data: { status: retry ? "PENDING" : "FAILED", tries, lastError: reason, nextTryAt: new Date(now.getTime() + nextTryDelayMs(tries)) },
      });
    }
  }
  return sent;
}

/** After a finish: queue it, then send what is due. Never throws (the student's finish stands). */
export async function afterFinish(attemptId: string): Promise<void> {
  try {
    if (await queueScore(attemptId)) await sendDueScores();
  } catch (error) {
    console.error("LTI score outbox:", error);
  }
}

export type ScoreRow = {
  id: string;
  student: string;
  value: number;
  status: string;
  tries: number;
  lastError: string | null;
  sentAt: Date | null;
  finishedAt: Date;
};
export type LinkScores = { id: string; resource: string; platform: string; contextTitle: string | null; lineItem: boolean; scores: ScoreRow[] };

/** The links this teacher launched, with every score sent (or waiting) for each. */
export async function scoresForTeacher(teacherId: string): Promise<LinkScores[]> {
  const links = await db.ltiResourceLink.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      resource: true,
      teacherIds: true,
      contextTitle: true,
      lineItemUrl: true,
      platform: { select: { name: true } },
      scores: {
        orderBy: { finishedAt: "desc" },
        select: { id: true, scoreGiven: true, status: true, tries: true, lastError: true, sentAt: true, finishedAt: true, user: { select: { name: true } } },
      },
    },
  });
  return links
    .filter((link) => Array.isArray(link.teacherIds) && link.teacherIds.includes(teacherId))
    .map((link) => ({
      id: link.id,
      resource: link.resource,
      platform: link.platform.name,
      contextTitle: link.contextTitle,
      lineItem: link.lineItemUrl !== null,
      scores: link.scores.map((s) => ({
        id: s.id,
        student: s.user.name,
        value: s.scoreGiven,
        status: s.status,
        tries: s.tries,
        lastError: s.lastError,
        sentAt: s.sentAt,
        finishedAt: s.finishedAt,
      })),
    }));
}
