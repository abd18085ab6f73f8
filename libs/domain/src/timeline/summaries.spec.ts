import type { DomainEvent } from '../index';
import { decodeEvent, summarize } from '../catalog';

const citizenId = '3f1c9a52-8d0e-4b7a-9a51-2c4e6f7b8d10';

type Case = readonly [DomainEvent, string];
const named = ([event, expected]: Case) => [event.type, event, expected] as const;

describe('summarize', () => {
  it('citizen registered with CPR', () => {
    expect(
      summarize({
        type: 'CitizenRegistered',
        data: {
          citizenId,
          occurredAt: '2026-03-02T08:15:00.000Z',
          handlekommune: '101',
          hasCpr: true,
          sealedPersonalData: 'v1.sealed',
        },
      }),
    ).toBe('Citizen registered with CPR; handlekommune København (101)');
  });

  it('citizen registered without CPR', () => {
    expect(
      summarize({
        type: 'CitizenRegistered',
        data: {
          citizenId,
          occurredAt: '2026-03-02T08:15:00.000Z',
          handlekommune: '461',
          hasCpr: false,
          sealedPersonalData: 'v1.sealed',
        },
      }),
    ).toBe('Citizen registered without CPR; handlekommune Odense (461)');
  });

  const admission = {
    type: 'ShelterAdmissionRecorded',
    data: {
      citizenId,
      stayId: 'stay-1',
      occurredAt: '2026-01-10T21:30:00.000Z',
      shelterId: 'unit-forsorgshjemmet-aarhus',
      shelterName: 'Forsorgshjemmet Aarhus',
      municipalityOfStay: '751',
      handlekommune: '751',
      referral: 'self-referred',
      homeSituation: 'no-home',
    },
  } as const satisfies DomainEvent;

  it('admission in the handlekommune', () => {
    expect(summarize(admission)).toBe(
      'Admitted to §110 shelter Forsorgshjemmet Aarhus (stay municipality Aarhus), self-referred',
    );
  });

  it('referred admission in another municipality with a home that cannot be used', () => {
    expect(
      summarize({
        ...admission,
        data: {
          ...admission.data,
          shelterName: 'Forsorgshjemmet Roskilde',
          municipalityOfStay: '265',
          handlekommune: '101',
          referral: 'referred',
          homeSituation: 'home-cannot-be-used',
        },
      }),
    ).toBe(
      'Admitted to §110 shelter Forsorgshjemmet Roskilde (stay municipality Roskilde), referred; handlekommune København (101); has a home but cannot use it',
    );
  });

  it.each([
    ['own-home', true, 'Discharged from §110 shelter to own home (planned)'],
    ['other-shelter', false, 'Discharged from §110 shelter to another shelter (unplanned)'],
    ['street', false, 'Discharged from §110 shelter to the street (unplanned)'],
    ['unknown', false, 'Discharged from §110 shelter to unknown destination (unplanned)'],
  ] as const)('discharge to %s', (destination, planned, expected) => {
    expect(
      summarize({
        type: 'ShelterDischargeRecorded',
        data: { citizenId, stayId: 'stay-1', occurredAt: '2026-02-20T10:00:00.000Z', destination, planned },
      }),
    ).toBe(expected);
  });

  it('a stored v1 admission reads with its upcast meaning', () => {
    const { homeSituation: _current, ...v1 } = admission.data;
    expect(
      summarize(
        decodeEvent({
          type: 'ShelterAdmissionRecorded',
          schemaVersion: 1,
          data: { ...v1, hasHomeButCannotUseIt: true },
        }),
      ),
    ).toBe(
      'Admitted to §110 shelter Forsorgshjemmet Aarhus (stay municipality Aarhus), self-referred; has a home but cannot use it',
    );
  });

  const stay = { citizenId, stayId: 'stay-1', occurredAt: '2026-01-12T09:00:00.000Z' };

  it.each(
    (
      [
        [
          {
            type: 'HandlekommuneNotified',
            data: { ...stay, handlekommune: '101', channel: 'secure-email' },
          },
          'Handlekommune København (101) notified of the §110 stay (secure email)',
        ],
        [{ type: 'StayPlanMade', data: stay }, 'Stay plan made for the §110 stay'],
        [
          {
            type: 'MunicipalDischargeDecided',
            data: {
              ...stay,
              handlekommune: '751',
              conditions: {
                actionPlan: true,
                homeOrPlace: true,
                supportDecided: true,
                leaseSigned: true,
                moveInPossible: true,
              },
            },
          },
          'Discharge from the §110 stay decided by Aarhus (751) (§110 stk. 5: all conditions met)',
        ],
        [{ type: 'AftercareStarted', data: stay }, 'Aftercare (efterforsorg) started after the §110 stay'],
        [
          { type: 'AftercareEnded', data: { ...stay, reason: 'contact-lost' } },
          'Aftercare (efterforsorg) ended (contact lost)',
        ],
      ] as const satisfies Case[]
    ).map(named),
  )('shelter stay: %s', (_type, event, expected) => {
    expect(summarize(event)).toBe(expected);
  });

  const at = { citizenId, occurredAt: '2026-03-02T09:00:00.000Z' };
  const worker = { staffId: 'kbh-sof-az48213', unitId: 'kbh-cti-team-nord' };

  it.each(
    (
      [
        [
          { type: 'HandlekommuneChanged', data: { ...at, from: '101', to: '147', reason: 'moved' } },
          'Handlekommune changed from København (101) to Frederiksberg (147) (the citizen moved)',
        ],
        [
          {
            type: 'HomelessnessSituationRecorded',
            data: { ...at, situation: 'prison-release-without-housing' },
          },
          'Homelessness situation: released from prison within a month, without housing',
        ],
        [
          {
            type: 'ContactAssigned',
            data: {
              ...at,
              role: 'support-worker',
              contact: { ...worker, channel: { kind: 'work-phone', value: '+45 33 66 33 66' } },
            },
          },
          'Support worker assigned (unit kbh-cti-team-nord)',
        ],
        [
          { type: 'ContactUnassigned', data: { ...at, role: 'jobcentre-caseworker', contact: worker } },
          'Jobcentre caseworker unassigned (unit kbh-cti-team-nord)',
        ],
        [
          {
            type: 'ConsentGiven',
            data: {
              ...at,
              consentId: 'c-1',
              purpose: 'housing-first-coordination',
              recipientUnitIds: ['shelter-kollegiet-sct-nicolai'],
              recipientUnitTypes: ['jobcentre'],
              categories: ['employment', 'shelter'],
              legalTextRef: 'kbh-samtykke-hf-2025-v2',
              givenVia: 'written',
              expiresAt: '2027-03-02T09:00:00.000Z',
            },
          },
          'Consent given (written) for housing-first-coordination: employment, shelter to jobcentre, shelter-kollegiet-sct-nicolai, until 2027-03-02',
        ],
        [
          { type: 'ConsentWithdrawn', data: { ...at, consentId: 'c-1', withdrawnVia: 'oral' } },
          'Consent withdrawn (oral)',
        ],
        [
          {
            type: 'PreferencesRecorded',
            data: { ...at, preferredMunicipality: '147', housingType: 'alternative-housing' },
          },
          'Preferences recorded: municipality Frederiksberg (147); alternative housing (skæv bolig)',
        ],
        [
          { type: 'PreferencesRecorded', data: { ...at, housingType: 'any' } },
          'Preferences recorded: any housing type',
        ],
        [{ type: 'CitizenDied', data: at }, 'Citizen died'],
        [
          {
            type: 'CitizenPersonalDataErased',
            data: { ...at, reason: 'retention-expired', legalBasis: 'GDPR art. 17' },
          },
          'Personal data erased (retention period expired; GDPR art. 17)',
        ],
      ] as const satisfies Case[]
    ).map(named),
  )('citizen: %s', (_type, event, expected) => {
    expect(summarize(event)).toBe(expected);
  });

  it('never includes staff ids or contact channels', () => {
    const text = summarize({
      type: 'ContactAssigned',
      data: {
        ...at,
        role: 'mentor',
        contact: { ...worker, channel: { kind: 'work-email', value: 'mentor@kk.dk' } },
      },
    });
    expect(text).not.toContain(worker.staffId);
    expect(text).not.toContain('mentor@kk.dk');
  });

  it('never includes the citizen id or sealed personal data', () => {
    const text = summarize({
      type: 'CitizenRegistered',
      data: {
        citizenId,
        occurredAt: '2026-03-02T08:15:00.000Z',
        handlekommune: '101',
        hasCpr: true,
        sealedPersonalData: 'v1.sealed',
      },
    });
    expect(text).not.toContain(citizenId);
    expect(text).not.toContain('v1.sealed');
  });
});
