import Holidays from 'date-holidays';
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

/** Adds whole calendar days to a 'YYYY-MM-DD' date (negative goes back). */
export function addDays(date: string, count: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + count)).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------------------------------ working days

/**
 * Danish public holidays (helligdage) from `date-holidays`, type 'public' only: New Year, Maundy Thursday, Good
 * Friday, Easter Sunday and Monday, Ascension, Whit Sunday and Monday, Christmas Day and Boxing Day. Store Bededag
 * is gone from 2024 (the library knows). Grundlovsdag (5 June), Christmas Eve and New Year's Eve are NOT public
 * holidays, only days many offices close: a statutory deadline counts them as working days unless the law says
 * otherwise. Cached per year; the library is pure for a given year.
 */
const DANISH_HOLIDAYS = new Holidays('DK');
const holidaysByYear = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let dates = holidaysByYear.get(year);
  if (dates === undefined) {
    dates = new Set(
      (DANISH_HOLIDAYS.getHolidays(year) || [])
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(year, dates);
  }
  return dates;
}

/** A Danish public holiday ('YYYY-MM-DD', or an instant read as its date in Copenhagen). */
export function isPublicHoliday(date: string | Date): boolean {
  const day = typeof date === 'string' ? date : copenhagenDate(date);
  return publicHolidays(Number(day.slice(0, 4))).has(day);
}

/**
 * A working day (hverdag) in Denmark: Monday to Friday and not a public holiday. A string is a calendar date
 * ('YYYY-MM-DD'); an instant is read as its date in Copenhagen.
 */
export function isWorkingDay(date: string | Date): boolean {
  const day = typeof date === 'string' ? date : copenhagenDate(date);
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, dayOfMonth)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(day);
}

/**
 * The date `count` working days after `date` (before it when negative). The start date itself is never counted,
 * whether or not it is a working day: a fact on Saturday plus 1 working day is Monday, and so is a fact on Friday.
 * 0 returns the date unchanged.
 */
export function addWorkingDaysToDate(date: string, count: number): string {
  if (!Number.isInteger(count)) throw new Error('count must be a whole number of working days');
  const step = count < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(count); left > 0;) {
    current = addDays(current, step);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/**
 * The instant `count` working days after `instant`, at the same Copenhagen wall-clock time (so a deadline of
 * "3 working days after admission at 22:15" is 22:15 on the third working day, across daylight saving changes).
 * For the end of that day, use `endOfCopenhagenDay(addWorkingDaysToDate(copenhagenDate(instant), count))`.
 */
export function addWorkingDays(instant: Date, count: number): Date {
  const date = addWorkingDaysToDate(copenhagenDate(instant), count);
  return copenhagenInstant(date, copenhagenTime(instant));
}

/** Working days strictly after `from` up to and including `to` (both 'YYYY-MM-DD'); negative when `to` < `from`. */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

// ---------------------------------------------------------------------------------- Copenhagen wall clock

const COPENHAGEN_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function copenhagenParts(instant: Date): Record<string, number> {
  return Object.fromEntries(
    COPENHAGEN_CLOCK.formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
}

/** The Copenhagen wall-clock time of an instant, 'HH:mm:ss.SSS'. */
function copenhagenTime(instant: Date): string {
  const p = copenhagenParts(instant);
  const ms = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}.${ms}`;
}

/**
 * The instant at which Copenhagen clocks show `date` and `time` ('HH:mm', 'HH:mm:ss' or 'HH:mm:ss.SSS'). A time
 * skipped by the spring change (02:30 on the last Sunday of March) is read as the same offset as before the change;
 * a time that occurs twice in autumn is the first of the two.
 */
export function copenhagenInstant(date: string, time = '00:00'): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hh, mm, rest = '0'] = time.split(':');
  const [ss, msPart = '0'] = rest.split('.');
  const wall = Date.UTC(
    year,
    month - 1,
    day,
    Number(hh),
    Number(mm),
    Number(ss),
    Number(msPart.padEnd(3, '0')),
  );
  // Copenhagen is UTC+1 or UTC+2: try both offsets and keep the one that reads back as the wall time.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    const p = copenhagenParts(candidate);
    const readBack = Date.UTC(
      p.year,
      p.month - 1,
      p.day,
      p.hour,
      p.minute,
      p.second,
      candidate.getUTCMilliseconds(),
    );
    if (readBack === wall) return candidate;
  }
  return new Date(wall - 3_600_000);
}

/** The first instant of the day after `date` in Copenhagen: "by the end of" a date. */
export function endOfCopenhagenDay(date: string): Date {
  return copenhagenInstant(addDays(date, 1));
}
