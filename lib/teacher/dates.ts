// Dates typed into <input type="datetime-local"> carry no time zone. The form sends the browser's
// offset (Date.getTimezoneOffset(), minutes behind UTC) alongside, so the server reads the time as
// the teacher meant it wherever the server runs.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-05-01T09:30" typed where the offset is `offsetMinutes` → the instant; null if malformed. */
export function parseLocalDateTime(value: string, offsetMinutes: number): Date | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 April over into 1 May: refuse days the month does not have.
  if (new Date(utc).getUTCDate() !== day) return null;
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) return null;
  return new Date(utc + offsetMinutes * 60_000);
}

/** The instant as a datetime-local value in the zone with that offset (to pre-fill a form). */
export function toLocalDateTimeValue(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() - offsetMinutes * 60_000);
  return local.toISOString().slice(0, 16);
}
