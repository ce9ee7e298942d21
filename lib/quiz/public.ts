// What the browser may see of a question. Before the learner answers it gets a public view with
// no answer key, no explanations and no links to the paragraphs the answer rests on; once the
// answer is recorded it gets the revealed view. Both are built field by field (never by copying
// the question and deleting keys), so a field added to the schema later stays server-side
// until someone decides it may be shown.
//
// In an attempt, option, item and match-column ids never reach the browser as authored ("a",
// "y2001", "slovenia" would give keys and pairings away): each is replaced by a token, a keyed hash
// of the authored id under a per-question-per-attempt seed that itself is a keyed hash of a server
// secret (questionSeed). Without the secret the browser can neither recompute the tokens nor the
// shuffle. Responses come back in tokens and are translated to authored ids (responseFromTokens)
// before grading and storing, so the database keeps authored ids (decision 0025).
// Pure and deterministic: the caller passes the secret in; nothing here reads the environment.
// Client components may import types from here only (node:crypto is server-side).
import { createHmac } from "node:crypto";
import {
  authoredArrangement,
  present,
  presentClassify,
  presentMatch,
  presentMultiple,
  presentOrder,
  presentSingle,
  presentTrueFalse,
  seededArrangement,
  type PublicQuestion,
  type PublicQuestionOf,
} from "./present";
import type { Option, Question, QuestionOf, QuestionResponse, QuestionType } from "./schema";

export type { PublicQuestion, PublicQuestionOf } from "./present";

type Reveal<T extends QuestionType> = {
  answer: QuestionOf<T>["answer"];
  explanation: string;
  /** By option id; empty for question types without options. */
  wrongExplanations: Record<string, string>;
  paragraphIds: string[];
  contextNoteIds: string[];
};

export type RevealedQuestion = { [T in QuestionType]: PublicQuestionOf<T> & Reveal<T> }[QuestionType];
export type RevealedQuestionOf<T extends QuestionType> = Extract<RevealedQuestion, { type: T }>;

/**
 * The seed of one question in one attempt: stable across reloads, different per attempt, and
 * unknowable without `secret` (the server's AUTH_SECRET), so it may shuffle and name options.
 */
export function questionSeed(secret: string, attemptId: string, questionId: string): string {
  return createHmac("sha256", secret).update(`quiz-question\0${attemptId}\0${questionId}`).digest("base64url");
}

/** The lists of a question whose ids are replaced by tokens; match columns are separate lists. */
export type OptionList = "options" | "items" | "left" | "right";

/** 16 base64url characters (96 bits): unguessable, and a clash within one list is out of reach. */
const TOKEN_LENGTH = 16;

/** The token an authored id of `list` gets under `seed`. Any string has one, so this never fails. */
export function optionToken(seed: string, list: OptionList, authoredId: string): string {
  return createHmac("sha256", seed).update(`${list}\0${authoredId}`).digest("base64url").slice(0, TOKEN_LENGTH);
}

/**
 * The question with every option, item and column id (in its lists, key and wrongExplanations)
 * replaced by its token under `seed`. Grading this copy with a response in tokens gives the same
 * score as grading the question with the authored response, and feedback in the learner's tokens.
 */
export function disguiseQuestion(question: Question, seed: string): Question {
  const token = (list: OptionList) => (id: string) => optionToken(seed, list, id);
  const options = (list: OptionList, items: readonly Option[]) => items.map(({ id, text }) => ({ id: token(list)(id), text }));
  const rekey = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([id, text]) => [token("options")(id), text]));
  switch (question.type) {
    case "single":
      return {
        ...question,
        options: options("options", question.options),
        answer: token("options")(question.answer),
        wrongExplanations: rekey(question.wrongExplanations),
      };
    case "multiple":
      return {
        ...question,
        options: options("options", question.options),
        answer: question.answer.map(token("options")),
        wrongExplanations: rekey(question.wrongExplanations),
      };
    case "order":
      return { ...question, items: options("items", question.items), answer: question.answer.map(token("items")) };
    case "match":
      return {
        ...question,
        left: options("left", question.left),
        right: options("right", question.right),
        answer: Object.fromEntries(Object.entries(question.answer).map(([left, right]) => [token("left")(left), token("right")(right)])),
      };
    case "true-false":
    case "classify":
      return question;
  }
}

/** A response in authored ids as the learner of this seed sees it, in tokens (an unknown id gets a token too). */
export function responseToTokens(question: Question, seed: string, response: QuestionResponse): QuestionResponse {
  const token = (list: OptionList) => (id: string) => optionToken(seed, list, id);
  if (response.type !== question.type) return response;
  switch (response.type) {
    case "single":
      return { type: "single", choice: token("options")(response.choice) };
    case "multiple":
      return { type: "multiple", choices: response.choices.map(token("options")) };
    case "order":
      return { type: "order", order: response.order.map(token("items")) };
    case "match":
      return { type: "match", pairs: Object.fromEntries(Object.entries(response.pairs).map(([left, right]) => [token("left")(left), token("right")(right)])) };
    case "true-false":
    case "classify":
      return response;
  }
}

/**
 * A response in the tokens of this seed, in the question's authored ids; null when it names a
 * token that is none of the question's (a tampered request, or a page from before the question
 * changed). A response of another type is returned as it is, for grading to reject.
 */
export function responseFromTokens(question: Question, seed: string, response: QuestionResponse): QuestionResponse | null {
  if (response.type !== question.type) return response;
  const lookup = (list: OptionList, items: readonly Option[]) => {
    const byToken = new Map(items.map(({ id }) => [optionToken(seed, list, id), id]));
    return (token: string) => byToken.get(token);
  };
  const all = (ids: (string | undefined)[]): ids is string[] => ids.every((id) => id !== undefined);
  switch (question.type) {
    case "single": {
      if (response.type !== "single") return response;
      const choice = lookup("options", question.options)(response.choice);
      return choice === undefined ? null : { type: "single", choice };
    }
    case "multiple": {
      if (response.type !== "multiple") return response;
      const choices = response.choices.map(lookup("options", question.options));
      return all(choices) ? { type: "multiple", choices } : null;
    }
    case "order": {
      if (response.type !== "order") return response;
      const order = response.order.map(lookup("items", question.items));
      return all(order) ? { type: "order", order } : null;
    }
    case "match": {
      if (response.type !== "match") return response;
      const left = lookup("left", question.left);
      const right = lookup("right", question.right);
      const entries = Object.entries(response.pairs).map(([l, r]) => [left(l), right(r)] as const);
      if (!entries.every((entry): entry is readonly [string, string] => entry[0] !== undefined && entry[1] !== undefined)) return null;
      return { type: "match", pairs: Object.fromEntries(entries) };
    }
    case "true-false":
    case "classify":
      return response;
  }
}

/**
 * The question as the learner sees it before answering: ids as tokens, and options, items and both
 * match columns in a seed-determined order (see questionSeed). The home page's sample (a classify
 * question, no ids to hide) passes a fixed seed.
 */
export function toPublicQuestion(question: Question, seed: string): PublicQuestion {
  return present(disguiseQuestion(question, seed), seededArrangement(seed));
}

/**
 * The question after answering: the public view plus the key, explanations and the paragraphs to
 * show in the text. Pass the same seed as toPublicQuestion to keep the options where the learner
 * saw them, under the same tokens (the key and wrongExplanations too); without a seed (a teacher's
 * view) they are in the bank's order under their authored ids.
 */
export function toRevealedQuestion(authored: Question, seed?: string): RevealedQuestion {
  const arrangement = seed === undefined ? authoredArrangement : seededArrangement(seed);
  const question = seed === undefined ? authored : disguiseQuestion(authored, seed);
  const reveal = {
    explanation: question.explanation,
    wrongExplanations: "wrongExplanations" in question ? { ...question.wrongExplanations } : {},
    paragraphIds: [...question.paragraphIds],
    contextNoteIds: [...question.contextNoteIds],
  };
  // One case per type so the compiler pairs each view with its own kind of answer.
  switch (question.type) {
    case "single":
      return { ...presentSingle(question, arrangement), ...reveal, answer: question.answer };
    case "multiple":
      return { ...presentMultiple(question, arrangement), ...reveal, answer: [...question.answer] };
    case "true-false":
      return { ...presentTrueFalse(question), ...reveal, answer: question.answer };
    case "order":
      return { ...presentOrder(question, arrangement), ...reveal, answer: [...question.answer] };
    case "match":
      return { ...presentMatch(question, arrangement), ...reveal, answer: { ...question.answer } };
    case "classify":
      return { ...presentClassify(question), ...reveal, answer: question.answer };
  }
}
