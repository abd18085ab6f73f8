import { fold } from '../decider';
import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  assertPersonalDataNotErased,
  AssignContact,
  ChangeHandlekommune,
  CitizenCommand,
  CitizenEvent,
  citizenDecider,
  citizenProcess,
  citizenStreamId,
  CONSENT_CATEGORIES,
  ConsentGiven,
  ContactAssigned,
  EraseCitizenPersonalData,
  GiveConsent,
  HOMELESSNESS_SITUATIONS,
  isConsentActive,
  RecordPreferences,
  RegisterCitizen,
  WithdrawConsent,
} from './citizen';

const citizenId = '3f1c9a52-8d0e-4b7a-9a51-2c4e6f7b8d10';
const sealed = 'v1.kid-3f1c.bm9uY2U.Y2lwaGVydGV4dA';
const consentId = '0193a4c2-5d1e-7f20-8a3b-4c5d6e7f8a9b';
const at = new Date('2026-03-02T09:00:00Z');
const atIso = '2026-03-02T09:00:00.000Z';
const justOverFiveMinutesAhead = new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1);

const register = (overrides: Partial<RegisterCitizen> = {}): RegisterCitizen => ({
  type: 'RegisterCitizen',
  citizenId,
  occurredAt: new Date('2026-03-02T08:15:00Z'),
  handlekommune: '101',
  hasCpr: true,
  sealedPersonalData: sealed,
  ...overrides,
});

const registered: CitizenEvent = {
  type: 'CitizenRegistered',
  data: {
    citizenId,
    occurredAt: '2026-03-02T08:15:00.000Z',
    handlekommune: '101',
    hasCpr: true,
    sealedPersonalData: sealed,
  },
};

const changeHandlekommune = (overrides: Partial<ChangeHandlekommune> = {}): ChangeHandlekommune => ({
  type: 'ChangeHandlekommune',
  citizenId,
  occurredAt: at,
  to: '147',
  reason: 'moved',
  ...overrides,
});

const supportWorker = {
  staffId: 'kbh-sof-az48213',
  unitId: 'kbh-cti-team-nord',
  channel: { kind: 'work-phone', value: '+45 33 66 33 66' },
} as const;

const assign = (overrides: Partial<AssignContact> = {}): AssignContact => ({
  type: 'AssignContact',
  citizenId,
  occurredAt: at,
  role: 'support-worker',
  contact: supportWorker,
  ...overrides,
});

const assigned = (overrides: Partial<ContactAssigned['data']> = {}): ContactAssigned => ({
  type: 'ContactAssigned',
  data: {
    citizenId,
    occurredAt: atIso,
    role: 'support-worker',
    contact: { ...supportWorker, channel: { ...supportWorker.channel } },
    ...overrides,
  },
});

const give = (overrides: Partial<GiveConsent> = {}): GiveConsent => ({
  type: 'GiveConsent',
  citizenId,
  occurredAt: at,
  consentId,
  purpose: 'housing-first-coordination',
  recipientUnitIds: ['shelter-kollegiet-sct-nicolai'],
  recipientUnitTypes: ['jobcentre', 'benefits'],
  categories: ['employment', 'shelter'],
  legalTextRef: 'kbh-samtykke-hf-2025-v2',
  givenVia: 'written',
  expiresAt: new Date('2027-03-02T09:00:00Z'),
  ...overrides,
});

const given = (overrides: Partial<ConsentGiven['data']> = {}): ConsentGiven => ({
  type: 'ConsentGiven',
  data: {
    citizenId,
    occurredAt: atIso,
    consentId,
    purpose: 'housing-first-coordination',
    recipientUnitIds: ['shelter-kollegiet-sct-nicolai'],
    recipientUnitTypes: ['jobcentre', 'benefits'],
    categories: ['employment', 'shelter'],
    legalTextRef: 'kbh-samtykke-hf-2025-v2',
    givenVia: 'written',
    expiresAt: '2027-03-02T09:00:00.000Z',
    ...overrides,
  },
});

const withdraw = (overrides: Partial<WithdrawConsent> = {}): WithdrawConsent => ({
  type: 'WithdrawConsent',
  citizenId,
  occurredAt: new Date('2026-03-02T09:30:00Z'),
  consentId,
  withdrawnVia: 'oral',
  ...overrides,
});

const preferences = (overrides: Partial<RecordPreferences> = {}): RecordPreferences => ({
  type: 'RecordPreferences',
  citizenId,
  occurredAt: at,
  preferredMunicipality: '147',
  housingType: 'alternative-housing',
  ...overrides,
});

const died: CitizenEvent = {
  type: 'CitizenDied',
  data: { citizenId, occurredAt: '2026-03-02T09:50:00.000Z' },
};

const erase = (overrides: Partial<EraseCitizenPersonalData> = {}): EraseCitizenPersonalData => ({
  type: 'EraseCitizenPersonalData',
  citizenId,
  occurredAt: new Date('2026-03-02T09:55:00Z'),
  reason: 'gdpr-art-17-request',
  ...overrides,
});

const erased: CitizenEvent = {
  type: 'CitizenPersonalDataErased',
  data: {
    citizenId,
    occurredAt: '2026-03-02T09:55:00.000Z',
    reason: 'gdpr-art-17-request',
    legalBasis: 'GDPR art. 17',
  },
};

const spec = specFor(citizenDecider);

describe('Citizen', () => {
  it('stream id is derived from the citizen id only', () => {
    expect(citizenStreamId(citizenId)).toBe(`citizen-${citizenId}`);
  });

  it('declares every event as identity, consents under forvaltningsloven §28', () => {
    for (const info of Object.values(citizenProcess.events)) expect(info.category).toBe('identity');
    expect(citizenProcess.events.ConsentGiven.legalBasis).toBe('forvaltningsloven §28');
    expect(citizenProcess.events.ConsentWithdrawn.legalBasis).toBe('forvaltningsloven §28');
  });

  it('lists the national count’s nine situations and every category', () => {
    expect(HOMELESSNESS_SITUATIONS).toHaveLength(9);
    expect(CONSENT_CATEGORIES).toHaveLength(9);
  });

  describe('RegisterCitizen', () => {
    it('given a new citizen, when registered with CPR, then CitizenRegistered', () => {
      spec([]).when(register()).then([registered]);
    });

    it('given a new citizen, when registered without CPR (e.g. a migrant), then CitizenRegistered with hasCpr false', () => {
      spec([])
        .when(register({ hasCpr: false, handlekommune: '751' }))
        .then([
          { type: 'CitizenRegistered', data: { ...registered.data, hasCpr: false, handlekommune: '751' } },
        ]);
    });

    it('given a registered citizen, when registered again, then conflict', () => {
      spec([registered]).when(register()).thenThrows('citizen-already-registered', 'conflict');
    });

    it('when the handlekommune is not a municipality code, then rule violation', () => {
      const error = spec([])
        .when(register({ handlekommune: '411' }))
        .thenThrows('unknown-municipality', 'rule-violation');
      expect(error.details).toEqual({ field: 'handlekommune', code: '411' });
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([])
        .when(register({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });

    it('when occurredAt is exactly 5 minutes after now (clock skew), then accepted', () => {
      const occurredAt = new Date(SPEC_NOW.getTime() + 5 * 60_000);
      spec([])
        .when(register({ occurredAt }))
        .then([
          { type: 'CitizenRegistered', data: { ...registered.data, occurredAt: occurredAt.toISOString() } },
        ]);
    });

    it('when occurredAt is not a valid date, then rule violation', () => {
      spec([])
        .when(register({ occurredAt: new Date('not a date') }))
        .thenThrows('invalid-occurred-at', 'rule-violation');
    });

    it('never puts the sealed personal data into an error', () => {
      const error = spec([registered]).when(register()).thenThrows('citizen-already-registered');
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(sealed);
    });
  });

  describe('every command but registration', () => {
    const commands: CitizenCommand[] = [
      changeHandlekommune(),
      { type: 'RecordHomelessnessSituation', citizenId, occurredAt: at, situation: 'street' },
      assign(),
      { type: 'UnassignContact', citizenId, occurredAt: at, role: 'support-worker' },
      give(),
      withdraw(),
      preferences(),
      { type: 'RecordCitizenDeath', citizenId, occurredAt: at },
    ];

    it.each(commands.map((c) => [c.type, c] as const))(
      'given no registration, when %s, then not found',
      (_type, command) => {
        spec([]).when(command).thenThrows('citizen-not-registered', 'not-found');
      },
    );

    it.each(commands.map((c) => [c.type, c] as const))(
      'given the citizen died, when %s, then conflict citizen-deceased',
      (_type, command) => {
        const error = spec([registered, assigned(), given(), died])
          .when(command)
          .thenThrows('citizen-deceased', 'conflict');
        expect(error.details).toEqual({ diedAt: '2026-03-02T09:50:00.000Z' });
      },
    );

    it.each(commands.map((c) => [c.type, { ...c, occurredAt: justOverFiveMinutesAhead }] as const))(
      'when %s occurred more than 5 minutes after now, then rule violation',
      (_type, command) => {
        spec([registered, assigned(), given()])
          .when(command)
          .thenThrows('occurred-in-future', 'rule-violation');
      },
    );

    it.each(commands.map((c) => [c.type, c] as const))(
      "given the record's personal data erased, when %s, then conflict citizen-erased",
      (_type, command) => {
        const error = spec([registered, assigned(), given(), erased])
          .when(command)
          .thenThrows('citizen-erased', 'conflict');
        expect(error.details).toEqual({ erasedAt: '2026-03-02T09:55:00.000Z' });
      },
    );

    it('given the citizen died and was then erased, when a command comes, then citizen-erased is named', () => {
      spec([registered, died, erased])
        .when({ type: 'RecordCitizenDeath', citizenId, occurredAt: at })
        .thenThrows('citizen-erased', 'conflict');
    });

    it('given the citizen died, when registered again, then still already registered', () => {
      spec([registered, died]).when(register()).thenThrows('citizen-already-registered', 'conflict');
    });
  });

  describe('ChangeHandlekommune', () => {
    it('given handlekommune København, when changed to Frederiksberg, then HandlekommuneChanged from and to', () => {
      spec([registered])
        .when(changeHandlekommune())
        .then([
          {
            type: 'HandlekommuneChanged',
            data: { citizenId, occurredAt: atIso, from: '101', to: '147', reason: 'moved' },
          },
        ]);
    });

    it('given an earlier change, when changed again, then from is the current handlekommune', () => {
      spec([
        registered,
        {
          type: 'HandlekommuneChanged',
          data: { citizenId, occurredAt: atIso, from: '101', to: '147', reason: 'moved' },
        },
      ])
        .when(changeHandlekommune({ to: '101', reason: 'correction' }))
        .then([
          {
            type: 'HandlekommuneChanged',
            data: { citizenId, occurredAt: atIso, from: '147', to: '101', reason: 'correction' },
          },
        ]);
    });

    it('when changed to the current handlekommune, then conflict', () => {
      const error = spec([registered])
        .when(changeHandlekommune({ to: '101' }))
        .thenThrows('handlekommune-unchanged', 'conflict');
      expect(error.details).toEqual({ handlekommune: '101' });
    });

    it('when changed to something that is not a municipality, then rule violation', () => {
      const error = spec([registered])
        .when(changeHandlekommune({ to: '411' }))
        .thenThrows('unknown-municipality', 'rule-violation');
      expect(error.details).toEqual({ field: 'to', code: '411' });
    });
  });

  describe('RecordHomelessnessSituation', () => {
    it.each(HOMELESSNESS_SITUATIONS)(
      'when %s is recorded, then HomelessnessSituationRecorded',
      (situation) => {
        spec([registered])
          .when({ type: 'RecordHomelessnessSituation', citizenId, occurredAt: at, situation })
          .then([
            { type: 'HomelessnessSituationRecorded', data: { citizenId, occurredAt: atIso, situation } },
          ]);
      },
    );

    it('given the same situation recorded earlier, when recorded again, then it is recorded again', () => {
      const earlier: CitizenEvent = {
        type: 'HomelessnessSituationRecorded',
        data: { citizenId, occurredAt: '2026-02-20T12:00:00.000Z', situation: 'street' },
      };
      spec([registered, earlier])
        .when({ type: 'RecordHomelessnessSituation', citizenId, occurredAt: at, situation: 'street' })
        .then([
          {
            type: 'HomelessnessSituationRecorded',
            data: { citizenId, occurredAt: atIso, situation: 'street' },
          },
        ]);
    });
  });

  describe('AssignContact', () => {
    it('when a support worker with a work phone is assigned, then ContactAssigned', () => {
      spec([registered]).when(assign()).then([assigned()]);
    });

    it('when a contact is assigned without a channel, then ContactAssigned without one', () => {
      const contact = { staffId: 'kbh-jc-ab12345', unitId: 'jobcenter-koebenhavn' };
      spec([registered])
        .when(assign({ role: 'jobcentre-caseworker', contact }))
        .then([assigned({ role: 'jobcentre-caseworker', contact })]);
    });

    it('when a contact with a work email is assigned, then the email is the channel', () => {
      const contact = {
        staffId: 'sct-nicolai-pm',
        unitId: 'shelter-kollegiet-sct-nicolai',
        channel: { kind: 'work-email', value: 'kontakt@sctnicolai.dk' },
      } as const;
      spec([registered])
        .when(assign({ role: 'shelter-contact', contact }))
        .then([
          assigned({ role: 'shelter-contact', contact: { ...contact, channel: { ...contact.channel } } }),
        ]);
    });

    it('given a support worker assigned, when a mentor is assigned, then both roles are held', () => {
      const mentor = { staffId: 'mentor-42', unitId: 'kbh-mentorkorps' };
      spec([registered, assigned()])
        .when(assign({ role: 'mentor', contact: mentor }))
        .then([assigned({ role: 'mentor', contact: mentor })]);
    });

    it('given a support worker assigned, when another support worker is assigned, then conflict naming the holder', () => {
      const error = spec([registered, assigned()])
        .when(assign({ contact: { staffId: 'kbh-sof-cd99887', unitId: 'kbh-cti-team-syd' } }))
        .thenThrows('contact-role-already-assigned', 'conflict');
      expect(error.details).toEqual({
        role: 'support-worker',
        staffId: 'kbh-sof-az48213',
        unitId: 'kbh-cti-team-nord',
      });
    });

    it.each([
      ['work-phone', 'call me'],
      ['work-email', 'not-an-email'],
    ] as const)('when the %s channel is malformed, then rule violation without echoing it', (kind, value) => {
      const error = spec([registered])
        .when(assign({ contact: { ...supportWorker, channel: { kind, value } } }))
        .thenThrows('invalid-contact-channel', 'rule-violation');
      expect(JSON.stringify(error.details)).not.toContain(value);
    });
  });

  describe('UnassignContact', () => {
    it('given a support worker assigned, when unassigned, then ContactUnassigned naming who held the role', () => {
      spec([registered, assigned()])
        .when({
          type: 'UnassignContact',
          citizenId,
          occurredAt: new Date('2026-03-02T09:45:00Z'),
          role: 'support-worker',
        })
        .then([
          {
            type: 'ContactUnassigned',
            data: {
              citizenId,
              occurredAt: '2026-03-02T09:45:00.000Z',
              role: 'support-worker',
              contact: { staffId: 'kbh-sof-az48213', unitId: 'kbh-cti-team-nord' },
            },
          },
        ]);
    });

    it('given the role unassigned, when assigned again (handover), then ContactAssigned', () => {
      const unassigned: CitizenEvent = {
        type: 'ContactUnassigned',
        data: {
          citizenId,
          occurredAt: atIso,
          role: 'support-worker',
          contact: { staffId: 'kbh-sof-az48213', unitId: 'kbh-cti-team-nord' },
        },
      };
      const successor = { staffId: 'kbh-sof-cd99887', unitId: 'kbh-cti-team-syd' };
      spec([registered, assigned(), unassigned])
        .when(assign({ contact: successor }))
        .then([assigned({ contact: successor })]);
    });

    it('given no contact in the role, when unassigned, then conflict', () => {
      const error = spec([registered, assigned()])
        .when({ type: 'UnassignContact', citizenId, occurredAt: at, role: 'mentor' })
        .thenThrows('contact-not-assigned', 'conflict');
      expect(error.details).toEqual({ role: 'mentor' });
    });

    it('given the contact already unassigned, when unassigned again, then conflict', () => {
      const unassigned: CitizenEvent = {
        type: 'ContactUnassigned',
        data: {
          citizenId,
          occurredAt: atIso,
          role: 'support-worker',
          contact: { staffId: 'kbh-sof-az48213', unitId: 'kbh-cti-team-nord' },
        },
      };
      spec([registered, assigned(), unassigned])
        .when({ type: 'UnassignContact', citizenId, occurredAt: at, role: 'support-worker' })
        .thenThrows('contact-not-assigned', 'conflict');
    });
  });

  describe('GiveConsent', () => {
    it('when written consent is given to named units and unit types, then ConsentGiven', () => {
      spec([registered]).when(give()).then([given()]);
    });

    it('when consent is given without expiry to unit types only, then ConsentGiven without expiresAt', () => {
      const event = given({ recipientUnitIds: [], givenVia: 'oral' });
      delete event.data.expiresAt;
      spec([registered])
        .when(give({ recipientUnitIds: [], givenVia: 'oral', expiresAt: undefined }))
        .then([event]);
    });

    it('when recipients and categories repeat, then each is recorded once', () => {
      spec([registered])
        .when(
          give({
            recipientUnitIds: ['shelter-kollegiet-sct-nicolai', 'shelter-kollegiet-sct-nicolai'],
            recipientUnitTypes: ['jobcentre', 'benefits', 'jobcentre'],
            categories: ['employment', 'shelter', 'employment'],
          }),
        )
        .then([given()]);
    });

    it('given a consent with this id, when given again, then conflict', () => {
      spec([registered, given()]).when(give()).thenThrows('consent-id-reused', 'conflict');
    });

    it('when no recipient is named, then rule violation', () => {
      spec([registered])
        .when(give({ recipientUnitIds: [], recipientUnitTypes: [] }))
        .thenThrows('consent-without-recipients', 'rule-violation');
    });

    it('when no category is named, then rule violation', () => {
      spec([registered])
        .when(give({ categories: [] }))
        .thenThrows('consent-without-categories', 'rule-violation');
    });

    it('when it expires when it is given, then rule violation', () => {
      spec([registered])
        .when(give({ expiresAt: at }))
        .thenThrows('consent-expires-before-given', 'rule-violation');
    });

    it('when expiresAt is not a valid date, then rule violation', () => {
      spec([registered])
        .when(give({ expiresAt: new Date('soon') }))
        .thenThrows('invalid-expires-at', 'rule-violation');
    });
  });

  describe('WithdrawConsent', () => {
    it('given an active consent, when withdrawn orally, then ConsentWithdrawn', () => {
      spec([registered, given()])
        .when(withdraw())
        .then([
          {
            type: 'ConsentWithdrawn',
            data: { citizenId, occurredAt: '2026-03-02T09:30:00.000Z', consentId, withdrawnVia: 'oral' },
          },
        ]);
    });

    it('given no consent with this id, when withdrawn, then not found', () => {
      spec([registered]).when(withdraw()).thenThrows('consent-not-found', 'not-found');
    });

    it('given a withdrawn consent, when withdrawn again, then conflict', () => {
      const withdrawn: CitizenEvent = {
        type: 'ConsentWithdrawn',
        data: { citizenId, occurredAt: '2026-03-02T09:30:00.000Z', consentId, withdrawnVia: 'oral' },
      };
      spec([registered, given(), withdrawn])
        .when(withdraw({ withdrawnVia: 'written' }))
        .thenThrows('consent-already-withdrawn', 'conflict');
    });

    it('given a consent that expired, when withdrawn after expiry, then conflict', () => {
      spec([registered, given({ expiresAt: '2026-03-02T09:15:00.000Z' })])
        .when(withdraw())
        .thenThrows('consent-expired', 'conflict');
    });

    it('given a consent, when withdrawn before it was given, then rule violation', () => {
      spec([registered, given()])
        .when(withdraw({ occurredAt: new Date('2026-03-02T08:59:59Z') }))
        .thenThrows('consent-withdrawn-before-given', 'rule-violation');
    });
  });

  describe('RecordPreferences', () => {
    it('when a municipality and a housing type are preferred, then PreferencesRecorded', () => {
      spec([registered])
        .when(preferences())
        .then([
          {
            type: 'PreferencesRecorded',
            data: {
              citizenId,
              occurredAt: atIso,
              preferredMunicipality: '147',
              housingType: 'alternative-housing',
            },
          },
        ]);
    });

    it('when only a housing type is preferred, then PreferencesRecorded without a municipality', () => {
      spec([registered])
        .when(preferences({ preferredMunicipality: undefined, housingType: 'rented-room' }))
        .then([
          { type: 'PreferencesRecorded', data: { citizenId, occurredAt: atIso, housingType: 'rented-room' } },
        ]);
    });

    it('when nothing is preferred, then rule violation', () => {
      spec([registered])
        .when(preferences({ preferredMunicipality: undefined, housingType: undefined }))
        .thenThrows('preferences-empty', 'rule-violation');
    });

    it('when the preferred municipality is unknown, then rule violation', () => {
      spec([registered])
        .when(preferences({ preferredMunicipality: '999' }))
        .thenThrows('unknown-municipality', 'rule-violation');
    });
  });

  describe('RecordCitizenDeath', () => {
    it('given a living citizen, when the death is recorded, then CitizenDied', () => {
      spec([registered])
        .when({ type: 'RecordCitizenDeath', citizenId, occurredAt: new Date('2026-03-02T09:50:00Z') })
        .then([died]);
    });
  });

  describe('EraseCitizenPersonalData', () => {
    it('given a registered citizen, when erased at their request, then CitizenPersonalDataErased under GDPR art. 17', () => {
      spec([registered, assigned()]).when(erase()).then([erased]);
    });

    it('records the reason code and nothing personal: the event has exactly four fields', () => {
      const [event] = citizenDecider.decide(
        erase({ reason: 'registered-in-error' }),
        fold(citizenDecider, [registered]),
        SPEC_NOW,
      );
      expect(Object.keys(event.data).sort()).toEqual(['citizenId', 'legalBasis', 'occurredAt', 'reason']);
      expect(JSON.stringify(event)).not.toContain(sealed);
      expect(event.data).toMatchObject({ reason: 'registered-in-error', legalBasis: 'GDPR art. 17' });
    });

    it('given a deceased citizen, when erased because the retention period expired, then erased', () => {
      spec([registered, died])
        .when(erase({ reason: 'retention-expired' }))
        .then([{ type: 'CitizenPersonalDataErased', data: { ...erased.data, reason: 'retention-expired' } }]);
    });

    it('given the data already erased, when erased again, then conflict naming when', () => {
      const error = spec([registered, erased])
        .when(erase({ reason: 'retention-expired' }))
        .thenThrows('personal-data-already-erased', 'conflict');
      expect(error.details).toEqual({ erasedAt: '2026-03-02T09:55:00.000Z' });
    });

    it('given no registration, when erased, then not found', () => {
      spec([]).when(erase()).thenThrows('citizen-not-registered', 'not-found');
    });

    it('when the erasure is dated more than 5 minutes after now, then rule violation', () => {
      spec([registered])
        .when(erase({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });

    it('given the data erased, when the same id is registered again, then still already registered', () => {
      spec([registered, erased]).when(register()).thenThrows('citizen-already-registered', 'conflict');
    });

    it('is declared as an identity event under GDPR art. 17', () => {
      expect(citizenProcess.events.CitizenPersonalDataErased).toEqual({
        schemaVersion: 1,
        category: 'identity',
        legalBasis: 'GDPR art. 17',
      });
    });
  });

  describe('assertPersonalDataNotErased (for the other processes)', () => {
    it('passes for an unregistered, a living and a deceased citizen', () => {
      expect(() => assertPersonalDataNotErased(fold(citizenDecider, []))).not.toThrow();
      expect(() => assertPersonalDataNotErased(fold(citizenDecider, [registered]))).not.toThrow();
      expect(() => assertPersonalDataNotErased(fold(citizenDecider, [registered, died]))).not.toThrow();
    });

    it('refuses an erased record with a conflict', () => {
      let caught: unknown;
      try {
        assertPersonalDataNotErased(fold(citizenDecider, [registered, erased]));
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ kind: 'conflict', code: 'citizen-erased' });
    });
  });

  describe('evolve', () => {
    it('given nothing, state is not registered', () => {
      expect(fold(citizenDecider, [])).toEqual({ registered: false });
    });

    it('given CitizenRegistered, state is registered with handlekommune and hasCpr and nothing else yet', () => {
      expect(fold(citizenDecider, [registered])).toEqual({
        registered: true,
        citizenId,
        handlekommune: '101',
        hasCpr: true,
        diedAt: null,
        personalDataErasedAt: null,
        homelessnessSituation: null,
        contacts: {},
        consents: {},
        preferences: null,
      });
    });

    it('folds handlekommune, situation, contacts, consents, preferences, death and erasure', () => {
      const state = fold(citizenDecider, [
        registered,
        {
          type: 'HandlekommuneChanged',
          data: { citizenId, occurredAt: atIso, from: '101', to: '147', reason: 'moved' },
        },
        {
          type: 'HomelessnessSituationRecorded',
          data: { citizenId, occurredAt: atIso, situation: 'family-friends' },
        },
        assigned(),
        assigned({ role: 'mentor', contact: { staffId: 'mentor-42', unitId: 'kbh-mentorkorps' } }),
        {
          type: 'ContactUnassigned',
          data: {
            citizenId,
            occurredAt: atIso,
            role: 'mentor',
            contact: { staffId: 'mentor-42', unitId: 'kbh-mentorkorps' },
          },
        },
        given(),
        {
          type: 'ConsentWithdrawn',
          data: { citizenId, occurredAt: '2026-03-02T09:30:00.000Z', consentId, withdrawnVia: 'digital' },
        },
        { type: 'PreferencesRecorded', data: { citizenId, occurredAt: atIso, housingType: 'any' } },
        died,
        erased,
      ]);
      expect(state).toEqual({
        registered: true,
        citizenId,
        handlekommune: '147',
        hasCpr: true,
        diedAt: '2026-03-02T09:50:00.000Z',
        personalDataErasedAt: '2026-03-02T09:55:00.000Z',
        homelessnessSituation: { situation: 'family-friends', observedAt: atIso },
        contacts: { 'support-worker': assigned().data.contact },
        consents: {
          [consentId]: {
            purpose: 'housing-first-coordination',
            recipientUnitIds: ['shelter-kollegiet-sct-nicolai'],
            recipientUnitTypes: ['jobcentre', 'benefits'],
            categories: ['employment', 'shelter'],
            givenAt: atIso,
            expiresAt: '2027-03-02T09:00:00.000Z',
            withdrawnAt: '2026-03-02T09:30:00.000Z',
          },
        },
        preferences: { housingType: 'any' },
      });
    });
  });

  describe('isConsentActive', () => {
    const consent = {
      purpose: 'housing-first-coordination',
      recipientUnitIds: [],
      recipientUnitTypes: ['jobcentre' as const],
      categories: ['employment' as const],
      givenAt: atIso,
      expiresAt: '2026-06-01T00:00:00.000Z',
      withdrawnAt: null,
    };

    it('is active from when it was given until it expires', () => {
      expect(isConsentActive(consent, new Date('2026-03-02T08:59:59Z'))).toBe(false);
      expect(isConsentActive(consent, at)).toBe(true);
      expect(isConsentActive(consent, new Date('2026-05-31T23:59:59Z'))).toBe(true);
      expect(isConsentActive(consent, new Date('2026-06-01T00:00:00Z'))).toBe(false);
    });

    it('is inactive from the withdrawal on, and without expiry active until then', () => {
      const withdrawn = { ...consent, expiresAt: null, withdrawnAt: '2026-04-01T10:00:00.000Z' };
      expect(isConsentActive(withdrawn, new Date('2026-04-01T09:59:59Z'))).toBe(true);
      expect(isConsentActive(withdrawn, new Date('2026-04-01T10:00:00Z'))).toBe(false);
    });
  });
});
