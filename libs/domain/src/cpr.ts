export type CprValidation =
  { ok: true; normalized: string; birthDate: string } | { ok: false; reason: 'format' | 'date' };

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/**
 * Century from the 7th digit (first serial digit), per the CPR office's rules. Without it, 29 Feb cannot be
 * validated and birth dates would be off by a hundred years.
 */
function fullYear(yy: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + yy;
  if (seventhDigit === 4 || seventhDigit === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return day <= daysInMonth;
}

/**
 * Validates format and date part only. Modulus 11 is deliberately NOT checked: CPR numbers issued since 2007
 * need not satisfy it. The result never echoes the input on failure, so it is safe to log the reason.
 */
export function validateCpr(input: string): CprValidation {
  const match = CPR_PATTERN.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, dd, mm, yy, serial] = match;
  const year = fullYear(Number(yy), Number(serial[0]));
  if (!isRealDate(year, Number(mm), Number(dd))) return { ok: false, reason: 'date' };
  return { ok: true, normalized: `${dd}${mm}${yy}${serial}`, birthDate: `${year}-${mm}-${dd}` };
}

export function isValidCpr(input: string): boolean {
  return validateCpr(input).ok;
}

/**
 * Ten digits, optionally DDMMYY-SSSS, not part of a longer run of digits; or a UUID. About one random
 * UUID in two hundred holds such ten digits (`...-5e0907771234`), and ids are everywhere in URLs and
 * logs, so a UUID is matched whole and then left alone rather than half-masked.
 */
const CPR_LIKE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<!\d)\d{6}-?\d{4}(?!\d)/gi;
const isUuid = (match: string) => match.length === 36;

/**
 * Positions of the CPR-shaped numbers in a text: ten digits (DDMMYY-SSSS or DDMMYYSSSS) whose date part
 * is a real date, outside UUIDs. Used to check that logs and error messages never carry one.
 */
export function findCprNumbers(text: string): number[] {
  return [...text.matchAll(CPR_LIKE)]
    .filter((m) => !isUuid(m[0]) && isValidCpr(m[0]))
    .map((m) => m.index ?? 0);
}

/**
 * Replaces every CPR-shaped number outside a UUID (real date or not: masking a false positive costs
 * nothing) with `[cpr]`, for text that echoes what a caller sent, such as a URL or a field name.
 */
export function maskCprNumbers(text: string): string {
  return text.replace(CPR_LIKE, (match) => (isUuid(match) ? match : '[cpr]'));
}
