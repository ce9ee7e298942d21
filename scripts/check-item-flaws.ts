// Check a question bank for item-writing flaws and coverage gaps (lib/quiz/item-flaws.ts),
// besides the integrity checks the app runs at start-up (lib/quiz/bank.ts):
//   npx tsx scripts/check-item-flaws.ts [path/to/questions.json]   (run from the repository root: tsx reads its tsconfig paths)
// The other content files (article, lessons, glossary, phases, events, context notes) are read
// from the same folder as the bank when they are there, so a copy of content/ in another
// worktree is checked against its own article. One line per problem; exit 1 if there is any.
import fs from "node:fs";
import path from "node:path";
import { CONTENT_FILES, type RawContent } from "../lib/content/schema";
import { ContentValidationError, validateContent } from "../lib/content/validate";
import { checkBankIntegrity } from "../lib/quiz/bank";
import { coverageGaps, unwaivedBankFlaws } from "../lib/quiz/item-flaws";
import { QuestionBankSchema } from "../lib/quiz/schema";

const bankPath = path.resolve(process.argv[2] ?? "content/questions.json");
const contentDir = path.dirname(bankPath);
const ownContentDir = path.resolve(import.meta.dirname, "..", "content");

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** A content file from beside the bank, or this repository's copy when the folder has none. */
function contentFile(key: keyof RawContent): unknown {
  const name = path.basename(CONTENT_FILES[key]);
  const beside = path.join(contentDir, name);
  return readJson(fs.existsSync(beside) ? beside : path.join(ownContentDir, name));
}

const lines: string[] = [];
const shown = process.argv[2] ?? "content/questions.json";

let content;
try {
  content = validateContent({
    article: contentFile("article"),
    lessons: contentFile("lessons"),
    glossary: contentFile("glossary"),
    contextNotes: contentFile("contextNotes"),
    phases: contentFile("phases"),
    events: contentFile("events"),
  });
} catch (error) {
  const problems = error instanceof ContentValidationError ? error.problems : [String(error)];
  for (const p of problems) console.log(`content: ${p}`);
  console.log(`\n${problems.length} content problem(s) in ${contentDir}; fix these first.`);
  process.exit(1);
}

const parsed = QuestionBankSchema.safeParse(readJson(bankPath));
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.log(`${shown}: schema: ${issue.path.map(String).join(".") || "(top level)"}: ${issue.message}`);
  console.log(`\n${parsed.error.issues.length} schema problem(s).`);
  process.exit(1);
}
const questions = parsed.data.questions;
const bankContent = { blocks: content.article.blocks, phases: content.phases, events: content.events, contextNotes: content.contextNotes };

for (const p of checkBankIntegrity(questions, bankContent)) lines.push(`integrity: ${p}`);
const flaws = unwaivedBankFlaws(questions, bankContent);
for (const f of flaws) lines.push(`${shown}: ${f.questionId ?? "(whole bank)"} [${f.code}] ${f.message}`);
const gaps = coverageGaps(questions, { lessons: content.lessons, glossary: content.glossary, blocks: content.article.blocks });
for (const g of gaps) lines.push(`coverage: ${g}`);

for (const line of lines) console.log(line);
const flagged = new Set(flaws.flatMap((f) => (f.questionId ? [f.questionId] : []))).size;
console.log(
  lines.length === 0
    ? `✓ ${questions.length} questions: no unwaived item-writing flaws, no coverage gaps.`
    : `\n✘ ${questions.length} questions: ${flaws.length} unwaived flaw(s) in ${flagged} question(s) and the bank, ${gaps.length} coverage gap(s), ${lines.length - flaws.length - gaps.length} integrity problem(s).`,
);
process.exit(lines.length === 0 ? 0 : 1);
