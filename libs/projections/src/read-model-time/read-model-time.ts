import { addMonths, copenhagenDate, daysBetween } from '@hf/domain/calendar';

/**
 * Date and duration arithmetic shared by the read models' queries. Planned dates ('YYYY-MM-DD') are Danish
 * calendar days, so "today" and "the day of an instant" are taken in Europe/Copenhagen, as in the domain.
 */
export { addMonths, copenhagenDate, daysBetween };

const HOUR_MS = 3_600_000;

const LOCAL_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function localDateTime(instant: Date): string {
  const parts = Object.fromEntries(LOCAL_TIME.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The instant a Danish calendar day begins (00:00 in Copenhagen, CET or CEST). */
export function copenhagenStartOfDay(date: string): Date {
  const utcMidnight = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * HOUR_MS);
    if (localDateTime(candidate) === `${date} 00:00`) return candidate;
  }
  throw new Error(`no Copenhagen midnight on ${date}`);
}

/** A deadline date means "by the end of that day": the instant the next Danish day begins. */
export function endOfCopenhagenDay(date: string): Date {
  return copenhagenStartOfDay(addDays(date, 1));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar months from one date to a later one (2026-01-15 to 2026-03-14 is 1 month). */
export function wholeMonthsBetween(from: string, to: string): number {
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12;
  months += Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (Number(to.slice(8, 10)) < Number(from.slice(8, 10))) months -= 1;
  return months;
}

/** Whole hours between two instants, rounded towards minus infinity (negative when `to` lies before `from`). */
export function wholeHoursBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / HOUR_MS);
}
