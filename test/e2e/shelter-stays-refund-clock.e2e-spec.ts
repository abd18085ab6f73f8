import { postFact, readAuditRows, registerCitizen } from '../support/http-helpers';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/** Sunday 10 May 2026, 12:00 Copenhagen time (CEST): after the 1 April 2026 limit change. */
const NOW = new Date('2026-05-10T10:00:00Z');

type Clock = {
  referenceDate: string;
  windowStart: string;
  daysUsedInRollingYear: number;
  limitDays: number;
  limitEffectiveFrom: string;
  daysLeft: number;
  exceeded: boolean;
};
type Stay = {
  stayId: string;
  admittedOn: string;
  dischargedOn: string | null;
  open: boolean;
  days: number;
  destination: string | null;
  refundClock: Clock;
};
type Stays = {
  citizenId: string;
  asOf: string;
  refundLimits: Array<{ effectiveFrom: string; days: number }>;
  stays: Stay[];
};

/**
 * Three stays of one citizen: February-March 2025, January-March 2026 (admitted under the 120-day limit) and one
 * admitted on 10 April 2026, open now (under the 90-day limit from 1 April 2026). The clock of each stay counts
 * every stay's nights in the 365 days before the stay's end (or today).
 */
describe('shelter stays with the refund clock', () => {
  let t: TestApp;
  let citizenId: string;
  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
    citizenId = await registerCitizen(t, '2025-01-10T09:00:00+01:00');
    const c = `/citizens/${citizenId}`;
    const admit = (occurredAt: string) =>
      postFact<{ stayId: string }>(t, `${c}/shelter-stays`, {
        shelterId: 'shelter-kollegiet-sct-nicolai',
        shelterName: 'Kollegiet Sct. Nicolai',
        municipalityOfStay: '101',
        referral: 'self-referred',
        occurredAt,
      }).then((r) => r.stayId);
    const discharge = (stayId: string, occurredAt: string) =>
      postFact(t, `${c}/shelter-stays/${stayId}/discharge`, {
        destination: 'street',
        planned: false,
        occurredAt,
      });
    await discharge(await admit('2025-02-01T20:00:00+01:00'), '2025-04-01T10:00:00+02:00');
    await discharge(await admit('2026-01-10T15:00:00+01:00'), '2026-03-20T10:00:00+01:00');
    await admit('2026-04-10T15:00:00+02:00');
  });
  afterAll(() => t.close());

  const read = async () => {
    const res = await t.request({ method: 'GET', url: `/citizens/${citizenId}/shelter-stays` });
    expect(res.statusCode).toBe(200);
    return res.json<Stays>();
  };

  it('lists each stay with dates, days and its refund clock across the 1 April 2026 limit change', async () => {
    const body = await eventually(read, (b) => b.stays.length === 3 && b.stays[1].dischargedOn !== null);
    expect(body.asOf).toBe(NOW.toISOString());
    expect(body.refundLimits.map((l) => [l.effectiveFrom, l.days])).toEqual([
      ['0001-01-01', 120],
      ['2026-04-01', 90],
    ]);
    const [first, second, current] = body.stays;

    expect(first).toMatchObject({
      admittedOn: '2025-02-01',
      dischargedOn: '2025-04-01',
      open: false,
      days: 59,
    });
    expect(first.destination).toBe('street');
    expect(first.refundClock).toEqual({
      referenceDate: '2025-04-01',
      windowStart: '2024-04-01',
      daysUsedInRollingYear: 59,
      limitDays: 120,
      limitEffectiveFrom: '0001-01-01',
      daysLeft: 61,
      exceeded: false,
    });

    // Admitted before 1 April 2026: 120 days. The year back from 20 March 2026 holds 12 nights of the first stay.
    expect(second).toMatchObject({ admittedOn: '2026-01-10', dischargedOn: '2026-03-20', days: 69 });
    expect(second.refundClock).toMatchObject({
      referenceDate: '2026-03-20',
      windowStart: '2025-03-20',
      daysUsedInRollingYear: 81,
      limitDays: 120,
      daysLeft: 39,
      exceeded: false,
    });

    // Admitted from 1 April 2026: 90 days. 69 + 30 nights in the year back from today: 9 days over.
    expect(current).toMatchObject({ admittedOn: '2026-04-10', dischargedOn: null, open: true, days: 30 });
    expect(current.refundClock).toEqual({
      referenceDate: '2026-05-10',
      windowStart: '2025-05-10',
      daysUsedInRollingYear: 99,
      limitDays: 90,
      limitEffectiveFrom: '2026-04-01',
      daysLeft: -9,
      exceeded: true,
    });
  });

  it('audits each read and refuses unknown or malformed citizen ids', async () => {
    const before = await readAuditRows(t, citizenId, 'shelter-stays');
    await read();
    expect(await readAuditRows(t, citizenId, 'shelter-stays')).toBe(before + 1);
    const unknown = await t.request({
      method: 'GET',
      url: '/citizens/0193a4c2-0000-7000-8000-000000000abc/shelter-stays',
    });
    expect(unknown.statusCode).toBe(404);
    const junk = await t.request({ method: 'GET', url: '/citizens/123/shelter-stays' });
    expect(junk.statusCode).toBe(400);
  });

  it('a citizen with no stays gets an empty list', async () => {
    const other = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    const res = await t.request({ method: 'GET', url: `/citizens/${other}/shelter-stays` });
    expect(res.json<Stays>().stays).toEqual([]);
  });
});
