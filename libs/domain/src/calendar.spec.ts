import { addMonths, assertPlainDate, copenhagenDate, daysBetween, isPlainDate } from './calendar';

describe('calendar', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isPlainDate('2028-02-29')).toBe(true);
    expect(isPlainDate('2026-02-29')).toBe(false);
    expect(isPlainDate('2026-2-01')).toBe(false);
    expect(() => assertPlainDate('2026-13-01', 'deadline')).toThrow('deadline is not a calendar date');
  });

  it('reads an instant as its date in Copenhagen, summer and winter', () => {
    expect(copenhagenDate(new Date('2026-03-20T23:30:00Z'))).toBe('2026-03-21');
    expect(copenhagenDate('2026-07-01T21:59:00Z')).toBe('2026-07-01');
    expect(copenhagenDate('2026-07-01T22:00:00Z')).toBe('2026-07-02');
  });

  it('adds months with the day clamped and counts days', () => {
    expect(addMonths('2026-05-31', 9)).toBe('2027-02-28');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
  });
});
