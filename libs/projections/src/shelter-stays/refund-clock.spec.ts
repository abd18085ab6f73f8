import { refundClock, RefundLimit, refundLimitOn, SHELTER_REFUND_LIMITS, stayDays } from './refund-clock';

describe('shelter refund clock', () => {
  it('picks the limit by the admission date from the configurable table', () => {
    expect(refundLimitOn('2026-03-31').days).toBe(120);
    expect(refundLimitOn('2026-04-01').days).toBe(90);
    const table: RefundLimit[] = [
      { effectiveFrom: '2030-01-01', days: 60, source: 'test' },
      ...SHELTER_REFUND_LIMITS,
    ];
    expect(refundLimitOn('2030-06-01', table).days).toBe(60);
    expect(() =>
      refundLimitOn('2020-01-01', [{ effectiveFrom: '2025-01-01', days: 1, source: 'x' }]),
    ).toThrow();
  });

  it('counts nights: an open stay up to last night, a closed one up to the discharge', () => {
    expect(stayDays({ admittedOn: '2026-01-14', dischargedOn: '2026-02-11' }, '2026-03-02')).toBe(28);
    expect(stayDays({ admittedOn: '2026-02-28', dischargedOn: null }, '2026-03-02')).toBe(2);
    expect(stayDays({ admittedOn: '2026-03-02', dischargedOn: null }, '2026-03-02')).toBe(0);
  });

  it('counts only the rolling year back from the reference date, and an overlapping night once', () => {
    const early = { admittedOn: '2025-02-01', dischargedOn: '2025-04-01' }; // 59 nights
    const stay = { admittedOn: '2026-01-10', dischargedOn: '2026-03-20' }; // 69 nights
    const clock = refundClock(stay, [early, stay], '2026-05-10');
    // Window [2025-03-20, 2026-03-20): 12 nights of the early stay plus the 69.
    expect(clock).toMatchObject({ referenceDate: '2026-03-20', windowStart: '2025-03-20', daysUsed: 81 });
    expect(clock).toMatchObject({ limitDays: 120, daysLeft: 39, exceeded: false });

    const overlapping = { admittedOn: '2026-03-01', dischargedOn: '2026-03-25' };
    expect(refundClock(stay, [stay, overlapping], '2026-05-10').daysUsed).toBe(69);
  });
});
