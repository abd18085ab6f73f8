/**
 * Calendar helpers for planned dates ('YYYY-MM-DD'). Danish practice counts days and months on the Copenhagen
 * calendar, so an instant is turned into the local date first (23:30Z on 31 March is 1 April in Denmark).
 */
const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Copenhagen calendar date of an instant, as 'YYYY-MM-DD'. */
export function copenhagenDate(instant: string | Date): string {
  return COPENHAGEN_DATE.format(typeof instant === 'string' ? new Date(instant) : instant);
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

/** "1 day", "14 days". */
export function days(count: number): string {
  return `${count} day${count === 1 || count === -1 ? '' : 's'}`;
}
