import {
  addDays,
  addMonths,
  addWorkingDays,
  addWorkingDaysToDate,
  assertPlainDate,
  copenhagenDate,
  copenhagenInstant,
  daysBetween,
  endOfCopenhagenDay,
  isPlainDate,
  isPublicHoliday,
  isWorkingDay,
  workingDaysBetween,
} from './calendar';

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

  describe('working days (Danish public holidays, Europe/Copenhagen)', () => {
    it('knows weekends and the public holidays of Easter 2026 (2-6 April) and Christmas', () => {
      expect(isWorkingDay('2026-03-31')).toBe(true); // Tuesday
      expect(isWorkingDay('2026-04-01')).toBe(true); // Wednesday before Easter
      for (const day of ['2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06']) {
        expect({ day, working: isWorkingDay(day) }).toEqual({ day, working: false });
      }
      expect(isWorkingDay('2026-04-07')).toBe(true);
      expect(isPublicHoliday('2026-12-25')).toBe(true);
      expect(isPublicHoliday('2026-12-26')).toBe(true);
      expect(isWorkingDay('2026-12-28')).toBe(true); // Monday after Christmas
      // Christmas Eve and Grundlovsdag are not public holidays; Store Bededag was abolished from 2024.
      expect(isWorkingDay('2026-12-24')).toBe(true);
      expect(isWorkingDay('2026-06-05')).toBe(true);
      expect(isWorkingDay('2026-05-01')).toBe(true);
      expect(isWorkingDay('2025-05-16')).toBe(true);
      expect(isPublicHoliday('2023-05-05')).toBe(true); // the last Store Bededag
      expect(isWorkingDay('2026-05-14')).toBe(false); // Ascension
      expect(isWorkingDay('2026-05-25')).toBe(false); // Whit Monday
      expect(isWorkingDay('2027-01-01')).toBe(false);
    });

    it('reads an instant as its Copenhagen date', () => {
      // 23:30 UTC on Wednesday 1 April is 01:30 on Maundy Thursday in Copenhagen.
      expect(isWorkingDay(new Date('2026-04-01T23:30:00Z'))).toBe(false);
      expect(isWorkingDay(new Date('2026-04-01T21:30:00Z'))).toBe(true);
    });

    it('skips Easter when counting working days', () => {
      expect(addWorkingDaysToDate('2026-04-01', 1)).toBe('2026-04-07');
      expect(addWorkingDaysToDate('2026-04-01', 3)).toBe('2026-04-09');
      expect(addWorkingDaysToDate('2026-03-31', 3)).toBe('2026-04-08');
      expect(addWorkingDaysToDate('2026-04-03', 1)).toBe('2026-04-07'); // from a holiday
      expect(addWorkingDaysToDate('2026-04-09', -3)).toBe('2026-04-01');
      expect(addWorkingDaysToDate('2026-04-07', -2)).toBe('2026-03-31');
      expect(addWorkingDaysToDate('2026-04-07', 0)).toBe('2026-04-07');
      expect(workingDaysBetween('2026-04-01', '2026-04-09')).toBe(3);
      expect(workingDaysBetween('2026-04-09', '2026-04-01')).toBe(-3);
    });

    it('skips Christmas and New Year', () => {
      expect(addWorkingDaysToDate('2026-12-23', 3)).toBe('2026-12-29'); // 24th, 28th, 29th
      expect(addWorkingDaysToDate('2026-12-31', 1)).toBe('2027-01-04'); // 1 Jan holiday, then the weekend
      expect(addWorkingDaysToDate('2027-01-04', -2)).toBe('2026-12-30');
    });

    it('counts from the next day, whatever the start day is', () => {
      expect(addWorkingDaysToDate('2026-03-06', 1)).toBe('2026-03-09'); // Friday -> Monday
      expect(addWorkingDaysToDate('2026-03-07', 1)).toBe('2026-03-09'); // Saturday -> Monday
      expect(addWorkingDaysToDate('2026-03-07', 3)).toBe('2026-03-11');
    });

    it('adds working days to an instant at the same Copenhagen wall-clock time, across summer time', () => {
      // Admission Wednesday 25 March 2026 at 22:15 (CET); summer time starts on Sunday 29 March.
      const admitted = new Date('2026-03-25T21:15:00Z');
      expect(addWorkingDays(admitted, 3).toISOString()).toBe('2026-03-30T20:15:00.000Z'); // Monday 22:15 CEST
      // Admission at 01:30 on Maundy Thursday is a holiday admission: three working days end on Thursday 9 April.
      expect(addWorkingDays(new Date('2026-04-01T23:30:00Z'), 3).toISOString()).toBe(
        '2026-04-08T23:30:00.000Z',
      );
      expect(addWorkingDays(admitted, 0).toISOString()).toBe(admitted.toISOString());
    });

    it('turns Copenhagen wall-clock times into instants', () => {
      expect(copenhagenInstant('2026-03-02').toISOString()).toBe('2026-03-01T23:00:00.000Z');
      expect(copenhagenInstant('2026-07-01', '08:00').toISOString()).toBe('2026-07-01T06:00:00.000Z');
      expect(copenhagenInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first of two
      expect(endOfCopenhagenDay('2026-04-09').toISOString()).toBe('2026-04-09T22:00:00.000Z');
      expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
      expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    });
  });
});
