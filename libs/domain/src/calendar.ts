import { DomainError } from './errors';

/**
 * Calendar dates ('YYYY-MM-DD') for planned things: deadlines, move-in, bailiff dates, hearing deadlines,
 * follow-ups. They are Danish calendar days, so an instant is compared by its date in Copenhagen, not in UTC:
 * an offer made at 00:30 Danish time on 21 March (23:30 UTC on the 20th) was made on the 21st.
 */
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPlainDate(value: string): boolean {
  const match = PLAIN_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function assertPlainDate(value: string, field: string): void {
  if (!isPlainDate(value)) {
    throw new DomainError('rule-violation', 'invalid-date', `${field} is not a calendar date (YYYY-MM-DD)`, {
      field,
    });
  }
}

const COPENHAGEN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Danish calendar date of an instant, as 'YYYY-MM-DD'. */
export function copenhagenDate(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(COPENHAGEN.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Adds whole calendar months; the day is clamped to the target month's length (31 May + 9 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole calendar days from one 'YYYY-MM-DD' date to another (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
