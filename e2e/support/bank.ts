// The built-in question bank, read as a file: the tests know the answers; the browser must not.
import fs from "node:fs";
import path from "node:path";
import type { Question } from "../../lib/quiz/schema";

export const bank: Question[] = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../content/questions.json"), "utf8")).questions;

export const getQuestion = (id: string): Question | undefined => bank.find((q) => q.id === id);
