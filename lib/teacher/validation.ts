// Input rules for classes, assignments and extensions, shared by the domain functions (which
// validate whatever they are given) and the server actions (which turn form fields into input).
import { z } from "zod";
import { getPhase } from "@/lib/content";
import { emailSchema } from "@/lib/auth/validation";
import { AssignmentKind, RevealPolicy } from "@/lib/enums";
import { isShowableText } from "@/lib/security/hidden-characters";

export const classNameSchema = z
  .string({ error: "Name the class." })
  .trim()
  .min(1, "Name the class.")
  .max(80, "Keep the name under 80 characters.")
  .refine(isShowableText, "The name contains invisible or text-direction characters. Type it again without them.");

export const createClassSchema = z.object({ name: classNameSchema });
export const coTeacherSchema = z.object({ email: emailSchema });

/** What a student types into the join form (normalised later by normaliseJoinCode). */
export const joinCodeInputSchema = z.object({
  code: z.string().trim().min(1, "Enter the class code your teacher gave you.").max(40, "A class code has 8 characters, like ABCD-EF23."),
});

export type { AssignmentKind, RevealPolicy };

/** The reveal policies in the schema's order, as the assignment forms list them. */
export const REVEAL_POLICIES: readonly RevealPolicy[] = Object.values(RevealPolicy);

export const REVEAL_LABELS: Readonly<Record<RevealPolicy, string>> = {
  IMMEDIATELY: "Right after each answer",
  AFTER_DUE: "After the due date",
  NEVER: "Never (scores only)",
};

/** The two late-work choices as the forms' radio values (decision 0036). */
export const LATE_WORK_CHOICES = ["counts", "not-counted"] as const;
export const AFTER_REVEAL_CHOICES = ["count", "not-counted"] as const;

export const MAX_ATTEMPTS_LIMIT = 10;
export const MAX_EXTRA_ATTEMPTS = 10;

/** An assignment as the domain takes it (dates already resolved to instants). */
/** What a teacher sets on an assignment and may change later (the scope and questions stay). */
const editableAssignmentFields = {
  title: z
    .string()
    .trim()
    .max(120, "Keep the title under 120 characters.")
    .refine(isShowableText, "The title contains invisible or text-direction characters. Type it again without them."),
  opensAt: z.date({ error: "Enter when the assignment opens." }),
  dueAt: z.date({ error: "Enter when the assignment is due." }),
  reveal: z.enum(RevealPolicy, { error: "Choose when students see the answers." }),
  maxAttempts: z
    .number({ error: "Enter how many attempts each student has." })
    .int("Enter a whole number of attempts.")
    .min(1, "Allow at least 1 attempt.")
    .max(MAX_ATTEMPTS_LIMIT, `Allow at most ${MAX_ATTEMPTS_LIMIT} attempts.`),
  /** Empty: the whole class. */
  studentIds: z.array(z.string().min(1).max(64)).max(1000),
};

/** Attempts started after a student's due date count toward her grade (marked late): decision 0036. */
const lateWorkCounts = z.boolean({ error: "Choose whether late work counts." });
/** Attempts started once the answers were shown to her count (only "after the due date" shows them then). */
const afterRevealCounts = z.boolean({ error: "Choose whether attempts after the answers were shown count." });

export function assignmentInputSchema(now: Date) {
  return z
    .object({
      ...editableAssignmentFields,
      // Unsaid: late work counts (marked), attempts after the answers were shown do not.
      lateWorkCounts: lateWorkCounts.default(true),
      afterRevealCounts: afterRevealCounts.default(false),
      kind: z.enum(AssignmentKind, { error: "Choose a lesson, a phase or a mixed review." }),
      scopeId: z.string().max(100).nullable(),
      /** Empty: the scope's built-in questions. */
      questionIds: z.array(z.string().min(1).max(64)).max(50, "Choose at most 50 questions."),
    })
    .superRefine((input, ctx) => {
      // An imported article's lesson (any other key) is looked up when the assignment is written.
      if (input.kind === "LESSON" && !input.scopeId) ctx.addIssue({ code: "custom", path: ["scope"], message: "Choose one of the lessons." });
      if (input.kind === "PHASE" && !getPhase(input.scopeId ?? "")) ctx.addIssue({ code: "custom", path: ["scope"], message: "Choose one of the phases." });
      if (input.kind === "MIXED" && input.scopeId !== null)
        ctx.addIssue({ code: "custom", path: ["scope"], message: "A mixed review covers the whole article." });
      if (input.opensAt.getTime() >= input.dueAt.getTime())
        ctx.addIssue({ code: "custom", path: ["dueAt"], message: "The due date must be after the opening date." });
      if (input.dueAt.getTime() <= now.getTime()) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "The due date must be in the future." });
    });
}
export type AssignmentInput = z.input<ReturnType<typeof assignmentInputSchema>>;

/** The fields of a set assignment a teacher may change (the scope and questions stay). */
export const assignmentEditSchema = z
  // Unsaid late-work choices stay as they are.
  .object({ ...editableAssignmentFields, lateWorkCounts: lateWorkCounts.optional(), afterRevealCounts: afterRevealCounts.optional() })
  // A due date in the past is allowed here (closing work early is a teacher's call); the preview says what it does.
  .refine((input) => input.opensAt.getTime() < input.dueAt.getTime(), { path: ["dueAt"], message: "The due date must be after the opening date." });
export type AssignmentEditInput = z.input<typeof assignmentEditSchema>;

/** An extension for one student: a later due date, extra attempts, or both. */
export const extensionInputSchema = z
  .object({
    dueAt: z.date().nullable(),
    extraAttempts: z
      .number({ error: "Enter a number of extra attempts." })
      .int("Enter a whole number of extra attempts.")
      .min(0, "Extra attempts cannot be negative.")
      .max(MAX_EXTRA_ATTEMPTS, `Give at most ${MAX_EXTRA_ATTEMPTS} extra attempts.`),
  })
  .refine((input) => input.dueAt !== null || input.extraAttempts > 0, { path: ["dueAt"], message: "Give a later due date, extra attempts, or both." });
export type ExtensionInput = z.input<typeof extensionInputSchema>;

/** A scope as one form value: "LESSON:potato-diplomacy", "PHASE:phase-rapport" or "MIXED:". */
export function parseScopeValue(value: string): { kind: AssignmentKind; scopeId: string | null } | null {
  const [kind, ...rest] = value.split(":");
  const scopeId = rest.join(":");
  if (kind === "MIXED") return { kind, scopeId: null };
  if ((kind === "LESSON" || kind === "PHASE") && scopeId) return { kind, scopeId };
  return null;
}

export function scopeValue(kind: AssignmentKind, scopeId: string | null): string {
  return `${kind}:${scopeId ?? ""}`;
}
