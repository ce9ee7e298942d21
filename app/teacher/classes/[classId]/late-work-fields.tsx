// The two late-work choices of an assignment (decision 0036), shared by the create and edit forms.
import { Choice, ChoiceGroup } from "@/components/form-bits";

function Option({ title, detail }: { title: string; detail: string }) {
  return (
    <>
      {title}
      <span className="block text-sm text-muted">{detail}</span>
    </>
  );
}

export function LateWorkFields({
  lateWorkCounts,
  afterRevealCounts,
  errors,
}: {
  /** "yes" or "no", as the radios send them. */
  lateWorkCounts: string;
  afterRevealCounts: string;
  errors?: Partial<Record<string, string[]>> | undefined;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ChoiceGroup
        name="lateWorkCounts"
        legend="Late work"
        hint="Attempts started after a student’s due date (her extension, if she has one)."
        errors={errors?.lateWorkCounts}
      >
        <Choice
          type="radio"
          name="lateWorkCounts"
          value="yes"
          defaultChecked={lateWorkCounts !== "no"}
          label={<Option title="Counts" detail="Toward the grade, marked late." />}
        />
        <Choice
          type="radio"
          name="lateWorkCounts"
          value="no"
          defaultChecked={lateWorkCounts === "no"}
          label={<Option title="Does not count" detail="Kept and shown as “late · not counted”." />}
        />
      </ChoiceGroup>
      <ChoiceGroup
        name="afterRevealCounts"
        legend="Attempts after the answers were shown"
        hint="Only “After the due date” shows answers while attempts are still open: from each student’s due date. With “Right after each answer”, retakes are the loop the number of attempts allows; with “Never”, answers are never shown."
        errors={errors?.afterRevealCounts}
      >
        <Choice
          type="radio"
          name="afterRevealCounts"
          value="no"
          defaultChecked={afterRevealCounts !== "yes"}
          label={<Option title="Do not count" detail="Kept and shown as “not counted”." />}
        />
        <Choice
          type="radio"
          name="afterRevealCounts"
          value="yes"
          defaultChecked={afterRevealCounts === "yes"}
          label={<Option title="Count" detail="Toward the grade, marked late." />}
        />
      </ChoiceGroup>
    </div>
  );
}
