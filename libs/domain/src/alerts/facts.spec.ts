import {
  evolveAlertFacts,
  hasConsentFor,
  initialAlertFacts,
  permanentHome,
  recentMoveIn,
  supportCourses,
  type AlertFacts,
  type FactEvent,
} from './facts';
import { CITIZEN, facts as f } from './testing/fact-builders';

const foldFacts = (...events: FactEvent[]): AlertFacts =>
  events.reduce(
    (facts, event, i) =>
      evolveAlertFacts(facts, { eventId: `e${i + 1}`, recordedAt: event.data.occurredAt, event }),
    initialAlertFacts(CITIZEN),
  );

describe('alert facts (the fold the rules read)', () => {
  it('follows the handlekommune, contacts and death, citing the events', () => {
    const facts = foldFacts(
      f.registered('101'),
      f.contactAssigned('support-worker', 'staff-sw-3', 'unit-cti-team-kobenhavn'),
      {
        type: 'HandlekommuneChanged',
        data: {
          citizenId: CITIZEN,
          occurredAt: '2026-02-01T09:00:00.000Z',
          from: '101',
          to: '147',
          reason: 'moved',
        },
      },
      {
        type: 'ContactUnassigned',
        data: {
          citizenId: CITIZEN,
          occurredAt: '2026-02-02T09:00:00.000Z',
          role: 'support-worker',
          contact: { staffId: 'staff-sw-3', unitId: 'unit-cti-team-kobenhavn' },
        },
      },
    );
    expect(facts).toMatchObject({
      handlekommune: '147',
      handlekommuneEventId: 'e3',
      contacts: {},
      died: false,
    });
    expect(foldFacts(f.registered(), f.died()).died).toBe(true);
  });

  it('knows a permanent home only after moving in under a permanent lease, and loses it when the tenancy ends', () => {
    expect(permanentHome(foldFacts(f.leaseSigned('o', 'permanent')))).toBeNull();
    expect(permanentHome(foldFacts(f.leaseSigned('o', 'transitional'), f.movedIn('o')))).toBeNull();
    const housed = foldFacts(f.leaseSigned('o', 'permanent'), f.movedIn('o', '2026-01-15T12:00:00Z'));
    expect(permanentHome(housed)).toMatchObject({ offerId: 'o', movedInEventId: 'e2' });
    expect(
      permanentHome(evolveAlertFacts(housed, { eventId: 'e3', recordedAt: '', event: f.tenancyEnded('o') })),
    ).toBeNull();
    expect(recentMoveIn(housed, '2027-01-15T12:00:00Z', 12)).toMatchObject({ eventId: 'e2' });
    expect(recentMoveIn(housed, '2027-01-16T12:00:00Z', 12)).toBeNull();
  });

  it('follows support courses through decision, start, pause and end', () => {
    const facts = foldFacts(
      f.supportDecided('s1', 'cti'),
      f.supportStarted('s1', 'cti'),
      f.supportDecided('s2', 'section-85'),
      f.supportStarted('s2', 'section-85'),
      f.supportEnded('s2'),
    );
    expect(supportCourses(facts).map((c) => c.supportId)).toEqual(['s1']);
    expect(supportCourses(facts, ['ended']).map((c) => [c.supportId, c.eventId])).toEqual([['s2', 'e5']]);
  });

  it('tracks the open shelter stay, its notice and discharge, and the open admission', () => {
    const facts = foldFacts(f.shelterAdmitted(), f.handlekommuneNotified('stay-1'), f.hospitalAdmitted('a1'));
    expect(facts.shelterStay).toMatchObject({ stayId: 'stay-1', notified: true });
    expect(facts.admission).toMatchObject({ admissionId: 'a1', kind: 'psychiatric' });
    const later = evolveAlertFacts(facts, {
      eventId: 'x',
      recordedAt: '',
      event: f.shelterDischarged('stay-1'),
    });
    expect(later.shelterStay).toBeNull();
    expect(
      evolveAlertFacts(later, { eventId: 'y', recordedAt: '', event: f.discharged('a1') }).admission,
    ).toBeNull();
  });

  it('forgets an admission retracted by MedCom AN_STIN and reopens one whose discharge is retracted', () => {
    const cancelled = (code: 'STIN' | 'SLHJ' | 'STOR'): FactEvent => ({
      type: 'HospitalNoticeCancelled',
      data: {
        citizenId: CITIZEN,
        occurredAt: '2026-02-21T09:00:00.000Z',
        admissionId: 'a1',
        kind: 'psychiatric',
        legalBasis: 'psykiatriloven §13 a-c',
        medcomCode: `AN_${code}`,
        cancelledCode: code,
      },
    });
    expect(foldFacts(f.hospitalAdmitted('a1'), cancelled('STOR')).admission).toMatchObject({
      admissionId: 'a1',
    });
    expect(foldFacts(f.hospitalAdmitted('a1'), cancelled('STIN')).admission).toBeNull();
    expect(
      foldFacts(f.hospitalAdmitted('a1'), f.discharged('a1'), cancelled('SLHJ')).admission,
    ).toMatchObject({
      admissionId: 'a1',
      kind: 'psychiatric',
    });
  });

  it('checks a consent by recipient, category and time, and honours its withdrawal', () => {
    const given = foldFacts(f.consentGiven(['shelter'], ['health'], '2026-01-06T09:00:00Z'));
    const at = new Date('2026-02-01T00:00:00Z');
    expect(hasConsentFor(given, { unitType: 'shelter' }, 'health', at)).toBe(true);
    expect(hasConsentFor(given, { unitType: 'shelter' }, 'justice', at)).toBe(false);
    expect(hasConsentFor(given, { unitType: 'jobcentre' }, 'health', at)).toBe(false);
    expect(hasConsentFor(given, { unitType: 'shelter' }, 'health', new Date('2026-01-01T00:00:00Z'))).toBe(
      false,
    );
    const withdrawn = evolveAlertFacts(given, {
      eventId: 'w',
      recordedAt: '',
      event: {
        type: 'ConsentWithdrawn',
        data: {
          citizenId: CITIZEN,
          occurredAt: '2026-01-20T09:00:00.000Z',
          consentId: 'consent-1',
          withdrawnVia: 'oral',
        },
      },
    });
    expect(hasConsentFor(withdrawn, { unitType: 'shelter' }, 'health', at)).toBe(false);
  });

  it('leaves the facts untouched (the same object) for events no rule needs', () => {
    const facts = foldFacts(f.registered());
    const event: FactEvent = {
      type: 'MeetingMissed',
      data: {
        citizenId: CITIZEN,
        occurredAt: '2026-03-01T09:00:00.000Z',
        meetingDate: '2026-03-01',
        meetingKind: 'job-interview',
      },
    };
    expect(evolveAlertFacts(facts, { eventId: 'm', recordedAt: '', event })).toBe(facts);
  });
  it('keeps discharged shelter stays for the refund clock, as Copenhagen dates', () => {
    const facts = foldFacts(
      f.shelterAdmitted({ stayId: 'stay-0', occurredAt: '2024-01-01T10:00:00Z' }),
      f.shelterDischarged('stay-0', '2024-01-10T10:00:00Z'),
      f.shelterAdmitted({ occurredAt: '2026-03-01T23:30:00Z' }),
      f.shelterDischarged('stay-9', '2026-03-10T10:00:00Z'),
      f.shelterDischarged('stay-1', '2026-03-20T10:00:00Z'),
    );
    // the 2024 stay is dropped (more than two years before), the other stay's discharge changes nothing
    expect(facts.pastShelterStays).toEqual([
      { stayId: 'stay-1', admittedOn: '2026-03-02', dischargedOn: '2026-03-20' },
    ]);
    expect(facts.shelterStay).toBeNull();
  });
});
