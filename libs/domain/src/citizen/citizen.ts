import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { EventCategory, ProcessDefinition } from '../process';
import { summarizeCitizen } from '../timeline/summaries';
import { assertKnownMunicipality, assertOccurredAtAcceptable } from '../rules';

/**
 * The citizen process (DOMAIN.md §5.1): who the citizen is for the system, which municipality is responsible,
 * where they sleep, who works with them, what they consented to and what they would like. Record linking and
 * unlinking live in their own process (a link concerns two citizens' streams).
 *
 * Every event here is of category `identity`: it names contacts and consents, which every unit working with the
 * citizen needs to know (DOMAIN.md §3), and it never carries personal data in plain text.
 */

/** The national homeless count's nine situations (VIVE's hjemløsetælling, 000:L671). */
export const HOMELESSNESS_SITUATIONS = [
  'street',
  'night-shelter',
  'section-110-shelter',
  'hotel-hostel',
  'family-friends',
  'transitional-housing',
  /** released from prison within a month, without housing */
  'prison-release-without-housing',
  /** discharged from hospital or treatment within a month, without housing */
  'hospital-discharge-without-housing',
  'other',
] as const;
export type HomelessnessSituation = (typeof HOMELESSNESS_SITUATIONS)[number];

export const CONTACT_ROLES = [
  /** myndighedssagsbehandler in the handlekommune */
  'authority-caseworker',
  /** bostøtte (§85) or CTI/ICM/ACT worker (§85a) */
  'support-worker',
  'jobcentre-caseworker',
  /** kontaktperson at the §110 shelter */
  'shelter-contact',
  'mentor',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const STAFF_CONTACT_CHANNEL_KINDS = ['work-phone', 'work-email'] as const;
export type StaffContactChannelKind = (typeof STAFF_CONTACT_CHANNEL_KINDS)[number];

/**
 * How to reach a staff member at work. Staff data, not citizen data: it is what a jobcentre needs to "just phone"
 * the support worker before a sanction (001:L3562).
 */
export type StaffContactChannel = { kind: StaffContactChannelKind; value: string };

/** An opaque reference to a staff member and the unit they act for, plus how to reach them. */
export type StaffContact = { staffId: string; unitId: string; channel?: StaffContactChannel };

/** Unit functions (DOMAIN.md §3) a consent can name as recipients, when it does not name specific units. */
export const CONSENT_RECIPIENT_UNIT_TYPES = [
  'social-authority',
  'support-provider',
  'benefits',
  'jobcentre',
  'shelter',
  'housing-allocation',
  'psychiatry',
  'hospital',
  'prison',
  'housing-association',
  'prevention-team',
] as const;
export type ConsentRecipientUnitType = (typeof CONSENT_RECIPIENT_UNIT_TYPES)[number];

/** Every event category, as a runtime list (the type lives in ../process). */
export const CONSENT_CATEGORIES = [
  'identity',
  'housing',
  'shelter',
  'plan',
  'support',
  'benefits',
  'employment',
  'health',
  'justice',
] as const satisfies readonly EventCategory[];
// Fails to compile when a category is added to EventCategory but not to the list above.
const _everyCategoryListed: Exclude<EventCategory, (typeof CONSENT_CATEGORIES)[number]> extends never
  ? true
  : never = true;
void _everyCategoryListed;

export const CONSENT_CHANNELS = ['written', 'oral', 'digital'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * Why the handlekommune changed (retssikkerhedsloven §9): the citizen took up residence elsewhere, the two
 * municipalities agreed, Ankestyrelsen settled a dispute, or an earlier registration was wrong.
 */
export const HANDLEKOMMUNE_CHANGE_REASONS = [
  'moved',
  'agreement-between-municipalities',
  'ankestyrelsen-decision',
  'correction',
] as const;
export type HandlekommuneChangeReason = (typeof HANDLEKOMMUNE_CHANGE_REASONS)[number];

export const PREFERRED_HOUSING_TYPES = [
  /** almen familiebolig */
  'social-housing',
  'youth-housing',
  /** skæv bolig / skævt hus */
  'alternative-housing',
  'rented-room',
  'private-rental',
  'any',
] as const;
export type PreferredHousingType = (typeof PREFERRED_HOUSING_TYPES)[number];

/**
 * Why a record's personal data is erased (GDPR art. 17). Erasure is bounded by archiving law (art. 17(3)(b):
 * a legal obligation to keep the case file, e.g. arkivloven and the municipality's journal duty), which the
 * caseworker checks before erasing; the system records the outcome, not the assessment.
 */
export const PERSONAL_DATA_ERASURE_REASONS = [
  /** the citizen asked for erasure and the caseworker found that art. 17(1) applies and 17(3) does not */
  'gdpr-art-17-request',
  /** the retention period ran out: the data is no longer necessary for the purpose (art. 17(1)(a)) */
  'retention-expired',
  /** the record should never have been made (wrong person, a test, a duplicate made by mistake) */
  'registered-in-error',
] as const;
export type PersonalDataErasureReason = (typeof PERSONAL_DATA_ERASURE_REASONS)[number];

/** The legal basis every erasure is recorded under. */
export const PERSONAL_DATA_ERASURE_LEGAL_BASIS = 'GDPR art. 17';

// ---------------------------------------------------------------------------------------------------- events

export type CitizenRegistered = {
  type: 'CitizenRegistered';
  data: {
    citizenId: string;
    occurredAt: string;
    /** Responsible municipality (municipality code). */
    handlekommune: string;
    hasCpr: boolean;
    /**
     * Opaque ciphertext of CPR/name/alias/birth date, sealed by the application with the citizen's own data key
     * (so erasing the key erases the data). The domain never sees plaintext.
     */
    sealedPersonalData: string;
  };
};

export type HandlekommuneChanged = {
  type: 'HandlekommuneChanged';
  data: {
    citizenId: string;
    occurredAt: string;
    /** the previous handlekommune, from the history (not from the sender) */
    from: string;
    to: string;
    reason: HandlekommuneChangeReason;
  };
};

export type HomelessnessSituationRecorded = {
  type: 'HomelessnessSituationRecorded';
  data: { citizenId: string; occurredAt: string; situation: HomelessnessSituation };
};

export type ContactAssigned = {
  type: 'ContactAssigned';
  data: { citizenId: string; occurredAt: string; role: ContactRole; contact: StaffContact };
};

export type ContactUnassigned = {
  type: 'ContactUnassigned';
  data: {
    citizenId: string;
    occurredAt: string;
    role: ContactRole;
    /** who held the role, from the history, so readers need not fold to know */
    contact: { staffId: string; unitId: string };
  };
};

export type ConsentGiven = {
  type: 'ConsentGiven';
  data: {
    citizenId: string;
    occurredAt: string;
    consentId: string;
    /** a purpose code such as `housing-first-coordination`, matched against the purpose a reader declares */
    purpose: string;
    recipientUnitIds: string[];
    recipientUnitTypes: ConsentRecipientUnitType[];
    categories: EventCategory[];
    /** reference to the versioned consent text the citizen was shown, e.g. `kbh-samtykke-hf-2025-v2` */
    legalTextRef: string;
    givenVia: ConsentChannel;
    expiresAt?: string;
  };
};

export type ConsentWithdrawn = {
  type: 'ConsentWithdrawn';
  data: { citizenId: string; occurredAt: string; consentId: string; withdrawnVia: ConsentChannel };
};

export type PreferencesRecorded = {
  type: 'PreferencesRecorded';
  data: {
    citizenId: string;
    occurredAt: string;
    /** municipality code; absent = no preference */
    preferredMunicipality?: string;
    /** absent = no preference */
    housingType?: PreferredHousingType;
  };
};

export type CitizenDied = {
  type: 'CitizenDied';
  data: { citizenId: string; occurredAt: string };
};

/**
 * The citizen's personal data (CPR, name, alias, birth date) was erased by crypto-shredding: the data key that
 * sealed it was deleted in the same transaction that appended this event, so every sealed copy (in
 * CitizenRegistered, in backups of the log) is unreadable from now on. The record itself stays, without
 * personal data, for statistics and for the history of what was done; this event carries no personal data
 * either, only why and under which legal basis.
 */
export type CitizenPersonalDataErased = {
  type: 'CitizenPersonalDataErased';
  data: {
    citizenId: string;
    occurredAt: string;
    reason: PersonalDataErasureReason;
    legalBasis: typeof PERSONAL_DATA_ERASURE_LEGAL_BASIS;
  };
};

export type CitizenEvent =
  | CitizenRegistered
  | HandlekommuneChanged
  | HomelessnessSituationRecorded
  | ContactAssigned
  | ContactUnassigned
  | ConsentGiven
  | ConsentWithdrawn
  | PreferencesRecorded
  | CitizenDied
  | CitizenPersonalDataErased;

// -------------------------------------------------------------------------------------------------- commands

export type RegisterCitizen = {
  type: 'RegisterCitizen';
  citizenId: string;
  occurredAt: Date;
  handlekommune: string;
  hasCpr: boolean;
  sealedPersonalData: string;
};

export type ChangeHandlekommune = {
  type: 'ChangeHandlekommune';
  citizenId: string;
  occurredAt: Date;
  to: string;
  reason: HandlekommuneChangeReason;
};

export type RecordHomelessnessSituation = {
  type: 'RecordHomelessnessSituation';
  citizenId: string;
  occurredAt: Date;
  situation: HomelessnessSituation;
};

export type AssignContact = {
  type: 'AssignContact';
  citizenId: string;
  occurredAt: Date;
  role: ContactRole;
  contact: StaffContact;
};

export type UnassignContact = {
  type: 'UnassignContact';
  citizenId: string;
  occurredAt: Date;
  role: ContactRole;
};

export type GiveConsent = {
  type: 'GiveConsent';
  citizenId: string;
  occurredAt: Date;
  consentId: string;
  purpose: string;
  recipientUnitIds: string[];
  recipientUnitTypes: ConsentRecipientUnitType[];
  categories: EventCategory[];
  legalTextRef: string;
  givenVia: ConsentChannel;
  expiresAt?: Date;
};

export type WithdrawConsent = {
  type: 'WithdrawConsent';
  citizenId: string;
  occurredAt: Date;
  consentId: string;
  withdrawnVia: ConsentChannel;
};

export type RecordPreferences = {
  type: 'RecordPreferences';
  citizenId: string;
  occurredAt: Date;
  preferredMunicipality?: string;
  housingType?: PreferredHousingType;
};

export type RecordCitizenDeath = {
  type: 'RecordCitizenDeath';
  citizenId: string;
  occurredAt: Date;
};

/** A caseworker erases the record's personal data (the data key is shredded by the application). */
export type EraseCitizenPersonalData = {
  type: 'EraseCitizenPersonalData';
  citizenId: string;
  occurredAt: Date;
  reason: PersonalDataErasureReason;
};

export type CitizenCommand =
  | RegisterCitizen
  | ChangeHandlekommune
  | RecordHomelessnessSituation
  | AssignContact
  | UnassignContact
  | GiveConsent
  | WithdrawConsent
  | RecordPreferences
  | RecordCitizenDeath
  | EraseCitizenPersonalData;

// ----------------------------------------------------------------------------------------------------- state

export type ConsentState = {
  purpose: string;
  recipientUnitIds: string[];
  recipientUnitTypes: ConsentRecipientUnitType[];
  categories: EventCategory[];
  givenAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
};

export type RegisteredCitizenState = {
  registered: true;
  citizenId: string;
  handlekommune: string;
  hasCpr: boolean;
  /** when the citizen died, if they did; every further citizen command is then refused */
  diedAt: string | null;
  /** when the record's personal data was erased, if it was; every further write for the record is then refused */
  personalDataErasedAt: string | null;
  homelessnessSituation: { situation: HomelessnessSituation; observedAt: string } | null;
  contacts: Partial<Record<ContactRole, StaffContact>>;
  consents: Record<string, ConsentState>;
  preferences: { preferredMunicipality?: string; housingType?: PreferredHousingType } | null;
};

export type CitizenState = { registered: false } | RegisteredCitizenState;

export function citizenStreamId(citizenId: string): string {
  return `citizen-${citizenId}`;
}

/** Whether a consent is in force at `at`: given by then, not withdrawn by then, not expired by then. */
export function isConsentActive(consent: ConsentState, at: Date): boolean {
  const t = at.getTime();
  if (Date.parse(consent.givenAt) > t) return false;
  if (consent.withdrawnAt !== null && Date.parse(consent.withdrawnAt) <= t) return false;
  return consent.expiresAt === null || Date.parse(consent.expiresAt) > t;
}

// -------------------------------------------------------------------------------------------------- decide

function registerCitizen(command: RegisterCitizen, state: CitizenState, now: Date): CitizenEvent[] {
  if (state.registered) {
    throw new DomainError('conflict', 'citizen-already-registered', 'Citizen is already registered', {
      citizenId: state.citizenId,
    });
  }
  assertKnownMunicipality(command.handlekommune, 'handlekommune');
  assertOccurredAtAcceptable(command.occurredAt, now);
  return [
    {
      type: 'CitizenRegistered',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        handlekommune: command.handlekommune,
        hasCpr: command.hasCpr,
        sealedPersonalData: command.sealedPersonalData,
      },
    },
  ];
}

/**
 * Once a record's personal data is erased, every write for it is refused, in this process and in every other
 * (the API checks this before deciding on any process stream of the citizen). The choice: a new fact about a
 * record nobody can identify any more cannot be acted on, and for a record registered in error there is nothing
 * to act on; a citizen who comes back is registered anew (the CPR look-up was erased with the key, so the same
 * CPR number registers a new record). What was recorded before the erasure stays, for statistics.
 */
export function assertPersonalDataNotErased(state: CitizenState): void {
  if (state.registered && state.personalDataErasedAt !== null) {
    throw new DomainError(
      'conflict',
      'citizen-erased',
      "The record's personal data has been erased; nothing more can be recorded for it",
      { erasedAt: state.personalDataErasedAt },
    );
  }
}

/** Every command but registration needs a registered, living citizen and an acceptable occurredAt. */
function living(state: CitizenState, command: { citizenId: string; occurredAt: Date }, now: Date) {
  if (!state.registered) {
    throw new DomainError('not-found', 'citizen-not-registered', 'No citizen is registered with this id', {
      citizenId: command.citizenId,
    });
  }
  assertPersonalDataNotErased(state);
  if (state.diedAt !== null) {
    throw new DomainError('conflict', 'citizen-deceased', 'The citizen is recorded as deceased', {
      diedAt: state.diedAt,
    });
  }
  assertOccurredAtAcceptable(command.occurredAt, now);
  return state;
}

function changeHandlekommune(command: ChangeHandlekommune, state: CitizenState, now: Date): CitizenEvent[] {
  const citizen = living(state, command, now);
  assertKnownMunicipality(command.to, 'to');
  if (command.to === citizen.handlekommune) {
    throw new DomainError(
      'conflict',
      'handlekommune-unchanged',
      'The municipality is already the handlekommune',
      { handlekommune: citizen.handlekommune },
    );
  }
  return [
    {
      type: 'HandlekommuneChanged',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        from: citizen.handlekommune,
        to: command.to,
        reason: command.reason,
      },
    },
  ];
}

/**
 * Recording the same situation again is accepted on purpose: each recording is an observation at a time (e.g.
 * in the count week), and a repeated one confirms that nothing changed.
 */
function recordHomelessnessSituation(
  command: RecordHomelessnessSituation,
  state: CitizenState,
  now: Date,
): CitizenEvent[] {
  living(state, command, now);
  return [
    {
      type: 'HomelessnessSituationRecorded',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        situation: command.situation,
      },
    },
  ];
}

const PHONE = /^\+?[0-9][0-9 ]{7,18}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[a-z]{2,}$/i;

function assertValidChannel(channel: StaffContactChannel | undefined): void {
  if (channel === undefined) return;
  const ok = channel.kind === 'work-phone' ? PHONE.test(channel.value) : EMAIL.test(channel.value);
  if (!ok) {
    throw new DomainError(
      'rule-violation',
      'invalid-contact-channel',
      `The contact channel is not a valid ${channel.kind}`,
      { kind: channel.kind },
    );
  }
}

/**
 * One contact per role. A second assignment is refused rather than silently replacing the first: another unit
 * may have assigned the role a moment ago, and a handover (unassign, then assign) keeps who held the role when.
 */
function assignContact(command: AssignContact, state: CitizenState, now: Date): CitizenEvent[] {
  const citizen = living(state, command, now);
  assertValidChannel(command.contact.channel);
  const current = citizen.contacts[command.role];
  if (current !== undefined) {
    throw new DomainError(
      'conflict',
      'contact-role-already-assigned',
      'The role already has a contact; unassign it first',
      { role: command.role, staffId: current.staffId, unitId: current.unitId },
    );
  }
  const { staffId, unitId, channel } = command.contact;
  return [
    {
      type: 'ContactAssigned',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        role: command.role,
        contact: {
          staffId,
          unitId,
          ...(channel ? { channel: { kind: channel.kind, value: channel.value } } : {}),
        },
      },
    },
  ];
}

function unassignContact(command: UnassignContact, state: CitizenState, now: Date): CitizenEvent[] {
  const citizen = living(state, command, now);
  const current = citizen.contacts[command.role];
  if (current === undefined) {
    throw new DomainError('conflict', 'contact-not-assigned', 'No contact is assigned in this role', {
      role: command.role,
    });
  }
  return [
    {
      type: 'ContactUnassigned',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        role: command.role,
        contact: { staffId: current.staffId, unitId: current.unitId },
      },
    },
  ];
}

/**
 * A consent (forvaltningsloven §28) must be specific: it names at least one recipient (a unit or a unit type)
 * and at least one category, and if it expires, it expires after it was given.
 */
function giveConsent(command: GiveConsent, state: CitizenState, now: Date): CitizenEvent[] {
  const citizen = living(state, command, now);
  if (Object.hasOwn(citizen.consents, command.consentId)) {
    throw new DomainError('conflict', 'consent-id-reused', 'A consent with this consentId already exists', {
      consentId: command.consentId,
    });
  }
  if (command.recipientUnitIds.length === 0 && command.recipientUnitTypes.length === 0) {
    throw new DomainError(
      'rule-violation',
      'consent-without-recipients',
      'A consent must name at least one recipient unit or unit type',
    );
  }
  if (command.categories.length === 0) {
    throw new DomainError(
      'rule-violation',
      'consent-without-categories',
      'A consent must name at least one category of information',
    );
  }
  if (command.expiresAt !== undefined) {
    if (Number.isNaN(command.expiresAt.getTime())) {
      throw new DomainError('rule-violation', 'invalid-expires-at', 'expiresAt is not a valid date');
    }
    if (command.expiresAt.getTime() <= command.occurredAt.getTime()) {
      throw new DomainError(
        'rule-violation',
        'consent-expires-before-given',
        'A consent must expire after it was given',
        { expiresAt: command.expiresAt.toISOString(), occurredAt: command.occurredAt.toISOString() },
      );
    }
  }
  return [
    {
      type: 'ConsentGiven',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        consentId: command.consentId,
        purpose: command.purpose,
        recipientUnitIds: [...new Set(command.recipientUnitIds)],
        recipientUnitTypes: [...new Set(command.recipientUnitTypes)],
        categories: [...new Set(command.categories)],
        legalTextRef: command.legalTextRef,
        givenVia: command.givenVia,
        ...(command.expiresAt ? { expiresAt: command.expiresAt.toISOString() } : {}),
      },
    },
  ];
}

/** Only an active consent can be withdrawn, and only once; the withdrawal governs every later read. */
function withdrawConsent(command: WithdrawConsent, state: CitizenState, now: Date): CitizenEvent[] {
  const citizen = living(state, command, now);
  const consent = citizen.consents[command.consentId];
  if (consent === undefined) {
    throw new DomainError('not-found', 'consent-not-found', 'No consent with this consentId', {
      consentId: command.consentId,
    });
  }
  if (consent.withdrawnAt !== null) {
    throw new DomainError('conflict', 'consent-already-withdrawn', 'The consent is already withdrawn', {
      consentId: command.consentId,
      withdrawnAt: consent.withdrawnAt,
    });
  }
  if (command.occurredAt.getTime() < Date.parse(consent.givenAt)) {
    throw new DomainError(
      'rule-violation',
      'consent-withdrawn-before-given',
      'A consent cannot be withdrawn before it was given',
      { consentId: command.consentId, givenAt: consent.givenAt },
    );
  }
  if (!isConsentActive(consent, command.occurredAt)) {
    throw new DomainError('conflict', 'consent-expired', 'The consent had already expired', {
      consentId: command.consentId,
      expiresAt: consent.expiresAt,
    });
  }
  return [
    {
      type: 'ConsentWithdrawn',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        consentId: command.consentId,
        withdrawnVia: command.withdrawnVia,
      },
    },
  ];
}

/** Each recording is the citizen's whole current wish: a field left out means "no preference". */
function recordPreferences(command: RecordPreferences, state: CitizenState, now: Date): CitizenEvent[] {
  living(state, command, now);
  if (command.preferredMunicipality === undefined && command.housingType === undefined) {
    throw new DomainError(
      'rule-violation',
      'preferences-empty',
      'Name a preferred municipality, a housing type, or both',
    );
  }
  if (command.preferredMunicipality !== undefined) {
    assertKnownMunicipality(command.preferredMunicipality, 'preferredMunicipality');
  }
  return [
    {
      type: 'PreferencesRecorded',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        ...(command.preferredMunicipality !== undefined
          ? { preferredMunicipality: command.preferredMunicipality }
          : {}),
        ...(command.housingType !== undefined ? { housingType: command.housingType } : {}),
      },
    },
  ];
}

function recordDeath(command: RecordCitizenDeath, state: CitizenState, now: Date): CitizenEvent[] {
  living(state, command, now);
  return [
    {
      type: 'CitizenDied',
      data: { citizenId: command.citizenId, occurredAt: command.occurredAt.toISOString() },
    },
  ];
}

/**
 * Erasure is allowed for a deceased citizen too (the retention period of a closed case often runs out after the
 * death), and only once: a second erasure is refused so that the caller learns it was done already and when.
 */
function erasePersonalData(
  command: EraseCitizenPersonalData,
  state: CitizenState,
  now: Date,
): CitizenEvent[] {
  if (!state.registered) {
    throw new DomainError('not-found', 'citizen-not-registered', 'No citizen is registered with this id', {
      citizenId: command.citizenId,
    });
  }
  if (state.personalDataErasedAt !== null) {
    throw new DomainError(
      'conflict',
      'personal-data-already-erased',
      "The record's personal data has already been erased",
      { erasedAt: state.personalDataErasedAt },
    );
  }
  assertOccurredAtAcceptable(command.occurredAt, now);
  return [
    {
      type: 'CitizenPersonalDataErased',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        reason: command.reason,
        legalBasis: PERSONAL_DATA_ERASURE_LEGAL_BASIS,
      },
    },
  ];
}

// -------------------------------------------------------------------------------------------------- evolve

function evolveRegistered(state: RegisteredCitizenState, event: CitizenEvent): RegisteredCitizenState {
  switch (event.type) {
    case 'CitizenRegistered':
      return state;
    case 'HandlekommuneChanged':
      return { ...state, handlekommune: event.data.to };
    case 'HomelessnessSituationRecorded':
      return {
        ...state,
        homelessnessSituation: { situation: event.data.situation, observedAt: event.data.occurredAt },
      };
    case 'ContactAssigned':
      return { ...state, contacts: { ...state.contacts, [event.data.role]: event.data.contact } };
    case 'ContactUnassigned': {
      const contacts = { ...state.contacts };
      delete contacts[event.data.role];
      return { ...state, contacts };
    }
    case 'ConsentGiven': {
      const d = event.data;
      return {
        ...state,
        consents: {
          ...state.consents,
          [d.consentId]: {
            purpose: d.purpose,
            recipientUnitIds: d.recipientUnitIds,
            recipientUnitTypes: d.recipientUnitTypes,
            categories: d.categories,
            givenAt: d.occurredAt,
            expiresAt: d.expiresAt ?? null,
            withdrawnAt: null,
          },
        },
      };
    }
    case 'ConsentWithdrawn': {
      const consent = state.consents[event.data.consentId];
      if (consent === undefined) return state;
      return {
        ...state,
        consents: {
          ...state.consents,
          [event.data.consentId]: { ...consent, withdrawnAt: event.data.occurredAt },
        },
      };
    }
    case 'PreferencesRecorded':
      return {
        ...state,
        preferences: {
          ...(event.data.preferredMunicipality !== undefined
            ? { preferredMunicipality: event.data.preferredMunicipality }
            : {}),
          ...(event.data.housingType !== undefined ? { housingType: event.data.housingType } : {}),
        },
      };
    case 'CitizenDied':
      return { ...state, diedAt: event.data.occurredAt };
    case 'CitizenPersonalDataErased':
      return { ...state, personalDataErasedAt: event.data.occurredAt };
    default:
      return assertNever(event);
  }
}

export const citizenDecider: Decider<CitizenCommand, CitizenState, CitizenEvent> = {
  initialState: () => ({ registered: false }),

  decide(command, state, now) {
    switch (command.type) {
      case 'RegisterCitizen':
        return registerCitizen(command, state, now);
      case 'ChangeHandlekommune':
        return changeHandlekommune(command, state, now);
      case 'RecordHomelessnessSituation':
        return recordHomelessnessSituation(command, state, now);
      case 'AssignContact':
        return assignContact(command, state, now);
      case 'UnassignContact':
        return unassignContact(command, state, now);
      case 'GiveConsent':
        return giveConsent(command, state, now);
      case 'WithdrawConsent':
        return withdrawConsent(command, state, now);
      case 'RecordPreferences':
        return recordPreferences(command, state, now);
      case 'RecordCitizenDeath':
        return recordDeath(command, state, now);
      case 'EraseCitizenPersonalData':
        return erasePersonalData(command, state, now);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'CitizenRegistered') {
      return {
        registered: true,
        citizenId: event.data.citizenId,
        handlekommune: event.data.handlekommune,
        hasCpr: event.data.hasCpr,
        diedAt: null,
        personalDataErasedAt: null,
        homelessnessSituation: null,
        contacts: {},
        consents: {},
        preferences: null,
      };
    }
    // Every other event follows a registration in the stream; a stray one cannot change an empty state.
    return state.registered ? evolveRegistered(state, event) : state;
  },
};

const CONSENT = { schemaVersion: 1, category: 'identity', legalBasis: 'forvaltningsloven §28' } as const;

export const citizenProcess: ProcessDefinition<CitizenCommand, CitizenState, CitizenEvent> = {
  name: 'citizen',
  streamId: citizenStreamId,
  decider: citizenDecider,
  events: {
    CitizenRegistered: { schemaVersion: 1, category: 'identity' },
    HandlekommuneChanged: { schemaVersion: 1, category: 'identity', legalBasis: 'retssikkerhedsloven §9' },
    HomelessnessSituationRecorded: { schemaVersion: 1, category: 'identity' },
    ContactAssigned: { schemaVersion: 1, category: 'identity' },
    ContactUnassigned: { schemaVersion: 1, category: 'identity' },
    ConsentGiven: CONSENT,
    ConsentWithdrawn: CONSENT,
    PreferencesRecorded: { schemaVersion: 1, category: 'identity' },
    CitizenDied: { schemaVersion: 1, category: 'identity' },
    CitizenPersonalDataErased: {
      schemaVersion: 1,
      category: 'identity',
      legalBasis: PERSONAL_DATA_ERASURE_LEGAL_BASIS,
    },
  },
  summarize: summarizeCitizen,
};
