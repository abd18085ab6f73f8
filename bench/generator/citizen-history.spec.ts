import { decodeEvent, isDomainEventType } from '@hf/domain';
import { HISTORY_END, HISTORY_START, simulateCitizen } from './citizen-history';
import { HOMELESS_BY_MUNICIPALITY, NATIONAL_HOMELESS_COUNT } from './population';

const SEED = 20261123;
const CITIZENS = 400;
const histories = Array.from({ length: CITIZENS }, (_, i) => simulateCitizen(SEED, i));
const events = histories.flatMap((h) => h.appends.flatMap((a) => a.events));

describe('the synthetic national history', () => {
  it('is the same for the same seed and citizen index, and differs for another seed', () => {
    const again = simulateCitizen(SEED, 7);
    expect(JSON.stringify(again)).toEqual(JSON.stringify(histories[7]));
    expect(simulateCitizen(SEED + 1, 7).citizenId).not.toEqual(histories[7].citizenId);
  });

  it('holds only events the catalog knows and can decode, dated within the history', () => {
    expect(events.length).toBeGreaterThan(CITIZENS * 20);
    const misfits = events.filter((event) => {
      const time = event.occurredAt.getTime();
      const fits =
        isDomainEventType(event.type) &&
        decodeEvent(event).type === event.type &&
        time >= HISTORY_START &&
        time <= HISTORY_END &&
        typeof event.metadata.unit === 'string';
      return !fits;
    });
    expect(misfits.map((e) => e.type)).toEqual([]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(histories.map((h) => h.citizenId)).size).toBe(CITIZENS);
  });

  it('plans appends whose expected versions continue each stream without gaps', () => {
    for (const history of histories) {
      const versions = new Map<string, number>();
      for (const planned of history.appends) {
        expect(planned.streamId).toContain(history.citizenId);
        expect(planned.expectedVersion).toBe(versions.get(planned.streamId) ?? 0);
        versions.set(planned.streamId, planned.expectedVersion + planned.events.length);
      }
      expect(history.eventCount).toBe(history.appends.reduce((n, a) => n + a.events.length, 0));
    }
  });

  it('covers the processes of a Housing First chain', () => {
    const types = new Set(events.map((e) => e.type));
    for (const type of [
      'CitizenRegistered',
      'ShelterAdmissionRecorded',
      'HousingOffered',
      'LeaseSigned',
      'DepositApplicationSubmitted',
      'SupportDecided',
      'ContactAttempted',
      'SanctionWarningIssued',
      'HospitalAdmissionRecorded',
      'PrisonIntakeRecorded',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('follows the national method mix (CTI 51 %, ICM 36 %, ACT 13 %) within sampling error', () => {
    const methods = histories.flatMap((h) => h.methods).filter((m) => m !== 'section-85');
    expect(methods.length).toBeGreaterThan(100);
    const share = (m: string) => methods.filter((x) => x === m).length / methods.length;
    expect(share('cti')).toBeGreaterThan(0.4);
    expect(share('cti')).toBeLessThan(0.62);
    expect(share('icm')).toBeGreaterThan(0.26);
    expect(share('icm')).toBeLessThan(0.46);
    expect(share('act')).toBeGreaterThan(0.06);
    expect(share('act')).toBeLessThan(0.2);
  });

  it('spreads citizens over the municipalities like the homeless count', () => {
    const copenhagen = histories.filter((h) => h.handlekommune === '101').length / CITIZENS;
    const expected = HOMELESS_BY_MUNICIPALITY['101'] / NATIONAL_HOMELESS_COUNT;
    expect(Math.abs(copenhagen - expected)).toBeLessThan(0.07);
    expect(NATIONAL_HOMELESS_COUNT).toBeGreaterThan(5000);
    expect(NATIONAL_HOMELESS_COUNT).toBeLessThan(7000);
    expect(Object.keys(HOMELESS_BY_MUNICIPALITY)).toHaveLength(98);
  });

  it('rarely asks the domain for something it refuses', () => {
    const refused = histories.reduce((n, h) => n + [...h.refused.values()].reduce((a, b) => a + b, 0), 0);
    expect(refused / events.length).toBeLessThan(0.02);
  });
});
