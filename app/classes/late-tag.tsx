// The calm marker on work started after the student's own due date (decision 0036).
export function LateTag() {
  return <span className="ml-2 rounded bg-[#fdf0d5] px-1.5 py-0.5 align-middle font-sans text-xs font-semibold text-[#6b4600]">Late</span>;
}
