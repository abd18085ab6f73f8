import type { DomainEvent } from '../index';
import { summarize } from '../catalog';

const citizenId = '3f1c9a52-8d0e-4b7a-9a51-2c4e6f7b8d10';

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
      hasHomeButCannotUseIt: false,
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
          hasHomeButCannotUseIt: true,
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
