export { addMonths, copenhagenDate, daysBetween } from '../calendar';

/** "1 day", "14 days". */
export function days(count: number): string {
  return `${count} day${count === 1 || count === -1 ? '' : 's'}`;
}
