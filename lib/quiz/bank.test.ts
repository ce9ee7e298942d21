import { describe, expect, it } from "vitest";
import bankJson from "@/content/questions.json";
import { getBlock, getEvents, getLessonForBlock, getLessons, getPhases } from "@/lib/content";
import { IMAGINED_PATTERN } from "@/lib/content/validate";
import {
  bankContent,
  checkBankIntegrity,
  coverageOf,
  getBankCoverage,
  getCrossLessonQuestions,
  getQuestion,
  getQuestionBank,
  getQuestionsForEvent,
  getQuestionsForLesson,
  getQuestionsForPhase,
  lessonOfQuestion,
  normaliseText,
  QuestionBankError,
  validateBank,
  type BankContent,
} from "./bank";
import { QUESTION_TYPES, QuestionBankSchema, type Question, type QuestionOf, type QuestionType } from "./schema";
import { QUIZ_LENGTH } from "./quiz-length";

/** A fresh, mutable, parsed copy of the real bank. */
function bankCopy(): Question[] {
  return QuestionBankSchema.parse(structuredClone(bankJson)).questions;
}

function find<T extends QuestionType>(questions: Question[], id: string, type: T): QuestionOf<T> {
  const q = questions.find((x) => x.id === id);
  if (!q || q.type !== type) throw new Error(`fixture: no ${type} question ${id}`);
  return q as QuestionOf<T>;
}

function firstOf<T extends QuestionType>(questions: Question[], type: T): QuestionOf<T> {
  const q = questions.find((x) => x.type === type);
  if (!q) throw new Error(`fixture: no ${type} question`);
  return q as QuestionOf<T>;
}

/** Break a copy of the bank and return the problems checkBankIntegrity reports. */
function problemsAfter(mutate: (questions: Question[]) => void, content: BankContent = bankContent()): string[] {
  const questions = bankCopy();
  mutate(questions);
  return checkBankIntegrity(questions, content);
}

function expectProblem(problems: string[], id: string, pattern: RegExp) {
  const line = problems.find((p) => p.includes(`("${id}")`) && pattern.test(p));
  expect(line, `expected a problem for ${id} matching ${pattern}; got:\n${problems.join("\n")}`).toBeDefined();
  expect(line).toMatch(/^content\/questions\.json: questions\[\d+\] /);
}

describe("the question bank", () => {
  const bank = getQuestionBank();
  const coverage = getBankCoverage();

  it("passes its integrity checks", () => {
    expect(checkBankIntegrity(bank, bankContent())).toEqual([]);
  });

  it("has at least 80 reviewed questions", () => {
    expect(bank.length).toBeGreaterThanOrEqual(80);
  });

  it("uses every question type at least 8 times", () => {
    for (const type of QUESTION_TYPES) expect(coverage.byType[type], type).toBeGreaterThanOrEqual(8);
  });

  it("mixes difficulties roughly 35/40/25", () => {
    const share = (d: 1 | 2 | 3) => coverage.byDifficulty[d] / bank.length;
    expect(share(1)).toBeGreaterThanOrEqual(0.25);
    expect(share(1)).toBeLessThanOrEqual(0.45);
    expect(share(2)).toBeGreaterThanOrEqual(0.3);
    expect(share(2)).toBeLessThanOrEqual(0.5);
    expect(share(3)).toBeGreaterThanOrEqual(0.15);
    expect(share(3)).toBeLessThanOrEqual(0.35);
  });

  it("covers every phase in at least 8 questions", () => {
    expect(coverage.uncoveredPhases).toEqual([]);
    for (const phase of getPhases()) expect(getQuestionsForPhase(phase.id).length, phase.id).toBeGreaterThanOrEqual(8);
  });

  it("covers every key event", () => {
    expect(coverage.uncoveredEvents).toEqual([]);
    for (const event of getEvents()) expect(getQuestionsForEvent(event.id).length, event.id).toBeGreaterThanOrEqual(1);
  });

  it("has enough questions of its own for a full quiz in every lesson", () => {
    for (const lesson of getLessons()) expect(getQuestionsForLesson(lesson.slug).length, lesson.slug).toBeGreaterThanOrEqual(QUIZ_LENGTH.LESSON);
    expect(getQuestionsForLesson("no-such-lesson")).toEqual([]);
  });

  it("classifies sentences of every kind a learner can choose", () => {
    const answers = new Set(bank.filter((q) => q.type === "classify").map((q) => q.answer));
    expect([...answers].sort()).toEqual(["imagined-dialogue", "on-record-quote", "opinion", "reported-fact"]);
  });

  it("follows the verified record where the article is imprecise, and says so", () => {
    // Each discrepancy named in the brief has at least one question that cites its note.
    for (const noteId of ["cn-pay-no-mind-date", "cn-libya-mandate", "cn-open-mic", "cn-dnc", "cn-no-hidden-meaning"]) {
      const citing = bank.filter((q) => q.contextNoteIds.includes(noteId) && q.type !== "classify");
      expect(citing.length, noteId).toBeGreaterThanOrEqual(1);
    }
    const unga = getQuestion("q-pay-no-mind-date");
    expect(unga?.type).toBe("single");
    if (unga?.type === "single") {
      expect(unga.options.find((o) => o.id === unga.answer)?.text).toBe("24 September 2014");
      expect(unga.explanation).toMatch(/November/);
    }
  });

  it("keeps explanations to at most three sentences", () => {
    // Count sentence ends outside quotation marks (quoted words may hold full stops of their own).
    const sentences = (text: string) =>
      text
        .replace(/“[^”]*”/g, "Q")
        .split(/[.!?](?:\s+|$)/)
        .filter((s) => s.trim() !== "").length;
    for (const q of bank) {
      expect(sentences(q.explanation), q.id).toBeLessThanOrEqual(3);
      if (q.type === "single" || q.type === "multiple") {
        for (const text of Object.values(q.wrongExplanations)) expect(sentences(text), q.id).toBeLessThanOrEqual(3);
      }
    }
  });

  it("looks questions up by id", () => {
    expect(getQuestion("q-slovenia-summit-year")?.type).toBe("single");
    expect(getQuestion("q-nope")).toBeUndefined();
  });

  it("counts coverage over any list", () => {
    const c = coverageOf([]);
    expect(c.total).toBe(0);
    expect(c.uncoveredEvents).toHaveLength(getEvents().length);
  });

  it("normalises case, spacing and quote marks when comparing texts", () => {
    expect(normaliseText("  Who said  “THIS”?")).toBe(normaliseText('who said "this"'));
  });
});

describe("lesson quizzes", () => {
  const lessons = getLessons();

  it("ask only about the lesson's own paragraphs (front and back matter for the lessons that show them)", () => {
    for (const lesson of lessons) {
      for (const q of getQuestionsForLesson(lesson.slug)) {
        for (const id of q.paragraphIds) expect(getLessonForBlock(id)?.lesson.slug, `${lesson.slug}: ${q.id} cites ${id}`).toBe(lesson.slug);
      }
    }
  });

  it("leave out a question that cites another lesson, which phase and mixed quizzes still ask", () => {
    // q-match-who-did-it cites imagined lines (lesson 4) and the Medvedev paragraph of lesson 2.
    const q = getQuestion("q-match-who-did-it");
    if (!q) throw new Error("fixture");
    expect(new Set(q.paragraphIds.map((id) => getLessonForBlock(id)?.lesson.slug))).toEqual(new Set(["the-imagined-conversation", "the-eye-of-the-beholder"]));
    expect(lessonOfQuestion(q)).toBeUndefined();
    for (const lesson of lessons) expect(getQuestionsForLesson(lesson.slug).map((x) => x.id)).not.toContain(q.id);
    expect(getQuestionsForPhase("phase-two-steps-back").map((x) => x.id)).toContain(q.id);
    expect(getCrossLessonQuestions().map((x) => x.id)).toContain(q.id);
  });

  it("split the bank: every question is in exactly one lesson quiz or among the cross-lesson ones", () => {
    const inLessons = lessons.flatMap((lesson) => getQuestionsForLesson(lesson.slug).map((q) => q.id));
    const across = getCrossLessonQuestions().map((q) => q.id);
    expect(new Set(inLessons).size).toBe(inLessons.length);
    expect([...inLessons, ...across].sort()).toEqual(
      getQuestionBank()
        .map((q) => q.id)
        .sort(),
    );
    const coverage = getBankCoverage();
    for (const lesson of lessons) expect(coverage.byLesson[lesson.slug], lesson.slug).toBe(getQuestionsForLesson(lesson.slug).length);
  });

  it("name the lesson of a list of paragraphs only when one lesson shows them all", () => {
    expect(lessonOfQuestion({ paragraphIds: ["opening-p03", "opening-p06"] })).toBe("potato-diplomacy");
    expect(lessonOfQuestion({ paragraphIds: ["front-standfirst", "opening-p03"] })).toBe("potato-diplomacy");
    expect(lessonOfQuestion({ paragraphIds: ["fixit-d04", "back-disclaimer"] })).toBe("the-imagined-conversation");
    expect(lessonOfQuestion({ paragraphIds: ["opening-p03", "eye-p03"] })).toBeUndefined();
    expect(lessonOfQuestion({ paragraphIds: ["fixit-p05", "fixit-d04"] })).toBeUndefined();
    expect(lessonOfQuestion({ paragraphIds: ["eye-r01"] })).toBeUndefined();
  });

  it("ask about the imagined dialogue only as imagined", () => {
    const imagined = lessons.filter((lesson) => lesson.blockIds.some((id) => getBlock(id)?.label === "imagined-dialogue"));
    expect(imagined.map((l) => l.slug)).toEqual(["the-imagined-conversation"]);
    for (const lesson of imagined) {
      for (const q of getQuestionsForLesson(lesson.slug)) {
        if (!q.paragraphIds.some((id) => getBlock(id)?.label === "imagined-dialogue")) continue;
        if (q.type === "classify") expect(q.answer, q.id).toBe("imagined-dialogue");
        else expect(q.prompt, q.id).toMatch(IMAGINED_PATTERN);
      }
    }
  });
});

describe("checkBankIntegrity", () => {
  it("catches a duplicate question id", () => {
    const problems = problemsAfter((qs) => {
      const [a, b] = qs;
      if (!a || !b) throw new Error("fixture");
      b.id = a.id;
    });
    expect(problems.some((p) => /uses the id "q-slovenia-summit-year", which questions\[0\] already uses/.test(p))).toBe(true);
  });

  it("catches a duplicate prompt, ignoring case and spacing", () => {
    const problems = problemsAfter((qs) => {
      find(qs, "q-new-start-year", "single").prompt = "  IN WHICH year did George W. Bush and Vladimir Putin hold their first summit, in   Slovenia? ";
    });
    expectProblem(problems, "q-new-start-year", /repeats the prompt of question "q-slovenia-summit-year"/);
  });

  it("catches a duplicate classify statement", () => {
    const problems = problemsAfter((qs) => {
      const a = find(qs, "q-cl-sochi-baskets", "classify");
      const b = find(qs, "q-cl-message-not-lost", "classify");
      b.statement = a.statement;
      b.answer = a.answer;
    });
    expectProblem(problems, "q-cl-message-not-lost", /repeats the statement of question "q-cl-sochi-baskets"/);
  });

  it("catches an answer that is not an option", () => {
    const problems = problemsAfter((qs) => void (find(qs, "q-slovenia-summit-year", "single").answer = "z"));
    expectProblem(problems, "q-slovenia-summit-year", /gives the answer "z", which is not one of its options/);
  });

  it("catches duplicate option ids", () => {
    const problems = problemsAfter((qs) => {
      const q = find(qs, "q-new-start-year", "single");
      const [first, second] = q.options;
      if (!first || !second) throw new Error("fixture");
      second.id = first.id;
    });
    expectProblem(problems, "q-new-start-year", /has two options with the id "a"/);
  });

  it("catches a multiple-select question with every option correct, or a wrong answer id", () => {
    const allRight = problemsAfter((qs) => {
      const q = find(qs, "q-two-steps-back-events", "multiple");
      q.answer = q.options.map((o) => o.id);
      q.wrongExplanations = {};
    });
    expectProblem(allRight, "q-two-steps-back-events", /marks every option correct/);
    const unknown = problemsAfter((qs) => void find(qs, "q-two-steps-back-events", "multiple").answer.push("nope"));
    expectProblem(unknown, "q-two-steps-back-events", /gives the answer "nope", which is not one of its options/);
  });

  it("catches a wrong-answer explanation for a correct or unknown option", () => {
    const problems = problemsAfter((qs) => {
      const q = find(qs, "q-slovenia-summit-year", "single");
      q.wrongExplanations = { ...q.wrongExplanations, b: "Not wrong at all.", x: "No such option." };
    });
    expectProblem(problems, "q-slovenia-summit-year", /explains option "b" as wrong, but it is a correct answer/);
    expectProblem(problems, "q-slovenia-summit-year", /explains a wrong option "x", which is not one of its options/);
  });

  it("catches references to paragraphs, phases, events and notes that do not exist", () => {
    const problems = problemsAfter((qs) => {
      const q = find(qs, "q-new-start-year", "single");
      q.paragraphIds.push("eye-p99");
      q.phaseIds.push("phase-five");
      q.eventIds.push("moon-landing");
      q.contextNoteIds.push("cn-nothing");
    });
    expectProblem(problems, "q-new-start-year", /cites paragraph "eye-p99", which does not exist/);
    expectProblem(problems, "q-new-start-year", /names phase "phase-five", which does not exist/);
    expectProblem(problems, "q-new-start-year", /names event "moon-landing", which does not exist/);
    expectProblem(problems, "q-new-start-year", /cites context note "cn-nothing", which does not exist/);
  });

  it("catches a paragraph that is not displayed", () => {
    const problems = problemsAfter((qs) => void find(qs, "q-eye-quote-speaker", "single").paragraphIds.push("eye-r01"));
    expectProblem(problems, "q-eye-quote-speaker", /cites paragraph "eye-r01", which is not displayed/);
  });

  it("catches an event whose phase the question does not name", () => {
    const problems = problemsAfter((qs) => void (find(qs, "q-new-start-year", "single").phaseIds = ["phase-rapport"]));
    expectProblem(problems, "q-new-start-year", /names event "new-start-signed" but not its phase "phase-institutional"/);
  });

  it("catches an order answer that is not a permutation, or out of chronological order", () => {
    const notPermutation = problemsAfter((qs) => {
      const q = find(qs, "q-order-bush-first-term", "order");
      q.answer = [...q.answer.slice(0, -1), "slovenia-summit"];
    });
    expectProblem(notPermutation, "q-order-bush-first-term", /is not an ordering of its items/);
    const wrongOrder = problemsAfter((qs) => void find(qs, "q-order-bush-first-term", "order").answer.reverse());
    expectProblem(wrongOrder, "q-order-bush-first-term", /puts "iraq-invasion" \(2003-03-20\) before "afghanistan-war"/);
  });

  it("catches an unmatched left item, an unknown right item and a wrong year, month or phase", () => {
    const problems = problemsAfter((qs) => {
      const years = find(qs, "q-match-year-early", "match");
      delete years.answer["slovenia-summit"];
      years.answer["iraq-invasion"] = "y2008";
      years.answer["georgia-war"] = "y1999";
      find(qs, "q-match-event-phase", "match").answer["crimea-sanctions"] = "phase-institutional";
      find(qs, "q-match-month-2014-2015", "match").answer["unga-2014-speech"] = "m2014-11";
    });
    expectProblem(problems, "q-match-year-early", /does not match the left item "slovenia-summit"/);
    expectProblem(problems, "q-match-year-early", /matches "iraq-invasion" to 2008, but events\.json dates it 2003-03-20/);
    expectProblem(problems, "q-match-year-early", /matches "georgia-war" to "y1999", which is not one of its right items/);
    expectProblem(problems, "q-match-event-phase", /events\.json puts it in "phase-confrontation"/);
    expectProblem(problems, "q-match-month-2014-2015", /matches "unga-2014-speech" to 2014-11, but events\.json dates it 2014-09-24/);
  });

  it("catches an enemy (notWith) that is not in the bank, or the question itself", () => {
    const missing = problemsAfter((qs) => void (find(qs, "q-author-steered", "single").notWith = ["q-no-such-question"]));
    expectProblem(missing, "q-author-steered", /never to be asked with question "q-no-such-question", which does not exist/);
    const itself = problemsAfter((qs) => void (find(qs, "q-author-steered", "single").notWith = ["q-author-steered"]));
    expectProblem(itself, "q-author-steered", /is listed in its own notWith/);
  });

  it("catches a classify answer that does not match the article's label", () => {
    const problems = problemsAfter((qs) => void (find(qs, "q-cl-four-phases", "classify").answer = "reported-fact"));
    expectProblem(problems, "q-cl-four-phases", /answers "reported-fact", but the article labels that statement \(in "eye-p02"\) "opinion"/);
  });

  it("catches a classify statement that is not the exact text of a cited paragraph or sentence", () => {
    const reworded = problemsAfter((qs) => {
      const q = find(qs, "q-cl-bush-quote", "classify");
      q.statement = q.statement.replace("I looked", "I have looked");
    });
    expectProblem(reworded, "q-cl-bush-quote", /is not the exact text of any of its paragraphs/);
    const elsewhere = problemsAfter((qs) => void (find(qs, "q-cl-bush-quote", "classify").paragraphIds = ["eye-p03"]));
    expectProblem(elsewhere, "q-cl-bush-quote", /is not the exact text of any of its paragraphs \(eye-p03\)/);
  });

  it("accepts an imagined line without its speaker's initials, or one of its sentences, but not part of a sentence", () => {
    const withPrefix = problemsAfter(
      (qs) =>
        void (find(qs, "q-cl-owes-me", "classify").statement =
          "SL: See, John, I can make no such claim. Putin doesn’t owe me anything. Though, yes, he also trusts me and that’s why I could hold on to the job for a dozen years."),
    );
    expect(withPrefix.filter((p) => p.includes("q-cl-owes-me"))).toEqual([]);
    const words = problemsAfter((qs) => void (find(qs, "q-cl-hypothesis", "classify").statement = "I love hypothesis. Now you’re talking."));
    expect(words.filter((p) => p.includes("q-cl-hypothesis"))).toEqual([]);
    const fragment = problemsAfter((qs) => void (find(qs, "q-cl-owes-me", "classify").statement = "Putin doesn’t owe me"));
    expectProblem(fragment, "q-cl-owes-me", /is not the exact text of any of its paragraphs \(fixit-d05\)/);
  });

  it("accepts one sentence of a quotation without its quotation marks, but not part of one", () => {
    const half = problemsAfter((qs) => void (find(qs, "q-cl-committed-man", "classify").statement = "He’s a man deeply committed to his country"));
    expectProblem(half, "q-cl-committed-man", /is not the exact text of any of its paragraphs \(eye-p04\)/);
    const other = problemsAfter((qs) => void (find(qs, "q-cl-committed-man", "classify").statement = "I was able to get a sense of his soul."));
    expect(other.filter((p) => p.includes("q-cl-committed-man"))).toEqual([]);
  });

  it("catches a classify question on a whole mixed paragraph or an editorial note", () => {
    const mixed = problemsAfter((qs) => {
      const q = firstOf(qs, "classify");
      q.paragraphIds = ["eye-p03"];
      q.statement =
        "President George W Bush had a very positive rapport with Putin during his first term, which was reflected in Russian solidarity with the US after 9/11. After their first summit in Slovenia in 2001, Bush’s initial impression seemed somewhat overconfident, even naive.";
      q.answer = "reported-fact";
    });
    expectProblem(mixed, "q-cl-sochi-baskets", /classifies the whole of "eye-p03", a paragraph of mixed kinds/);
    const note = problemsAfter((qs) => {
      const q = firstOf(qs, "classify");
      q.paragraphIds = ["opening-p07"];
      q.statement = "Remember, I am not imagining this particular exchange; it’s on the record.";
      q.answer = "opinion";
    });
    expectProblem(note, "q-cl-sochi-baskets", /classifies "opening-p07", an editorial note/);
  });

  it("catches a non-classify question that rests only on opinion", () => {
    const problems = problemsAfter((qs) => {
      const q = find(qs, "q-new-start-year", "single");
      q.prompt = "According to the author, how did Putin see Obama’s support for change in Ukraine?";
      q.paragraphIds = ["eye-p12"];
      q.contextNoteIds = [];
    });
    expectProblem(problems, "q-new-start-year", /rests only on opinion, imagined dialogue or editorial notes/);
  });

  it("catches an opinion or an imagined line presented without attribution", () => {
    const opinion = problemsAfter((qs) => {
      const q = find(qs, "q-libya-mandate", "single");
      q.prompt = "The US and its allies abused their UN mandate in Libya. What did Resolution 1973 authorise?";
    });
    expectProblem(opinion, "q-libya-mandate", /cites eye-p11 \(not reported fact\) but its prompt does not attribute the claim to the author/);
    const imagined = problemsAfter((qs) => {
      const q = find(qs, "q-dnc-keynote", "single");
      q.prompt = "Kerry says he chose Obama to give the opening platform at the 2004 convention. What did Obama really do there?";
    });
    expectProblem(imagined, "q-dnc-keynote", /cites the imagined dialogue but its prompt does not say the lines are imagined/);
  });

  it("checks against the content it is given", () => {
    const content = bankContent();
    const withoutNote: BankContent = { ...content, contextNotes: content.contextNotes.filter((n) => n.id !== "cn-open-mic") };
    const problems = checkBankIntegrity(bankCopy(), withoutNote);
    expectProblem(problems, "q-open-mic-topic", /cites context note "cn-open-mic", which does not exist/);
  });
});

describe("validateBank", () => {
  it("accepts the real bank", () => {
    expect(validateBank(structuredClone(bankJson)).length).toBe(getQuestionBank().length);
  });

  it("throws a QuestionBankError naming the file for a malformed or inconsistent bank", () => {
    const raw = structuredClone(bankJson) as { questions: Record<string, unknown>[] };
    const first = raw.questions[0];
    if (!first) throw new Error("fixture");
    first.difficulty = 4;
    expect(() => validateBank(raw)).toThrow(QuestionBankError);
    expect(() => validateBank(raw)).toThrow(/^content\/questions\.json: questions\.0\.difficulty: /m);

    const broken = structuredClone(bankJson) as { questions: Record<string, unknown>[] };
    const second = broken.questions[1];
    if (!second) throw new Error("fixture");
    second.paragraphIds = ["eye-p99"];
    expect(() => validateBank(broken)).toThrow(/cites paragraph "eye-p99", which does not exist/);
  });
});
