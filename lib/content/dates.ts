// Partial ISO dates ("2001", "2001-06", "2001-06-16") for people to read and for charts.
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split("-");
  if (!month) return year ?? date;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** The date as a fractional year (middle of the month or year when the day is unknown). */
export function fractionalYear(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  if (year === undefined || Number.isNaN(year)) throw new Error(`Not a date: ${date}`);
  if (month === undefined) return year + 0.5;
  return year + (month - 1) / 12 + (day === undefined ? 0.5 / 12 : (day - 1) / 365);
}
