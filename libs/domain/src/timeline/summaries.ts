import { assertNever } from '../decider';
import type {
  CitizenEvent,
  ConsentChannel,
  ContactRole,
  HandlekommuneChangeReason,
  HomelessnessSituation,
  PersonalDataErasureReason,
  PreferredHousingType,
} from '../citizen/citizen';
import type {
  AftercareEndReason,
  HandlekommuneNoticeChannel,
  ShelterDischargeDestination,
  ShelterStayEvent,
} from '../shelter-stay/shelter-stay';
import { municipalityName } from '../municipalities';

/**
 * Timeline summaries are shown broadly and may be logged, so they are built only from non-personal fields
 * (codes, shelter and municipality names, flags); the sealed personal data is never touched, and neither are
 * staff ids or contact channels (the timeline says that a support worker was assigned, the contact card says who).
 */
export function summarizeCitizen(event: CitizenEvent): string {
  switch (event.type) {
    case 'CitizenRegistered':
      return `Citizen registered ${event.data.hasCpr ? 'with' : 'without'} CPR; handlekommune ${municipality(event.data.handlekommune)}`;
    case 'HandlekommuneChanged':
      return `Handlekommune changed from ${municipality(event.data.from)} to ${municipality(event.data.to)} (${HANDLEKOMMUNE_REASON_TEXT[event.data.reason]})`;
    case 'HomelessnessSituationRecorded':
      return `Homelessness situation: ${SITUATION_TEXT[event.data.situation]}`;
    case 'ContactAssigned':
      return `${capitalize(ROLE_TEXT[event.data.role])} assigned (unit ${event.data.contact.unitId})`;
    case 'ContactUnassigned':
      return `${capitalize(ROLE_TEXT[event.data.role])} unassigned (unit ${event.data.contact.unitId})`;
    case 'ConsentGiven': {
      const d = event.data;
      const recipients = [...d.recipientUnitTypes, ...d.recipientUnitIds].join(', ');
      const expiry = d.expiresAt ? `, until ${d.expiresAt.slice(0, 10)}` : '';
      return `Consent given (${CONSENT_CHANNEL_TEXT[d.givenVia]}) for ${d.purpose}: ${d.categories.join(', ')} to ${recipients}${expiry}`;
    }
    case 'ConsentWithdrawn':
      return `Consent withdrawn (${CONSENT_CHANNEL_TEXT[event.data.withdrawnVia]})`;
    case 'PreferencesRecorded': {
      const parts = [
        event.data.preferredMunicipality !== undefined
          ? `municipality ${municipality(event.data.preferredMunicipality)}`
          : undefined,
        event.data.housingType !== undefined ? HOUSING_TYPE_TEXT[event.data.housingType] : undefined,
      ].filter((part) => part !== undefined);
      return `Preferences recorded: ${parts.join('; ')}`;
    }
    case 'CitizenDied':
      return 'Citizen died';
    case 'CitizenPersonalDataErased':
      return `Personal data erased (${ERASURE_REASON_TEXT[event.data.reason]}; ${event.data.legalBasis})`;
    default:
      return assertNever(event);
  }
}

export function summarizeShelterStay(event: ShelterStayEvent): string {
  switch (event.type) {
    case 'ShelterAdmissionRecorded': {
      const d = event.data;
      let text = `Admitted to §110 shelter ${d.shelterName} (stay municipality ${municipalityName(d.municipalityOfStay) ?? d.municipalityOfStay}), ${d.referral}`;
      if (d.handlekommune !== d.municipalityOfStay)
        text += `; handlekommune ${municipality(d.handlekommune)}`;
      if (d.homeSituation === 'home-cannot-be-used') text += '; has a home but cannot use it';
      return text;
    }
    case 'ShelterDischargeRecorded':
      return `Discharged from §110 shelter to ${DESTINATION_TEXT[event.data.destination]} (${event.data.planned ? 'planned' : 'unplanned'})`;
    case 'HandlekommuneNotified':
      return `Handlekommune ${municipality(event.data.handlekommune)} notified of the §110 stay (${NOTICE_CHANNEL_TEXT[event.data.channel]})`;
    case 'StayPlanMade':
      return 'Stay plan made for the §110 stay';
    case 'MunicipalDischargeDecided':
      return `Discharge from the §110 stay decided by ${municipality(event.data.handlekommune)} (§110 stk. 5: all conditions met)`;
    case 'AftercareStarted':
      return 'Aftercare (efterforsorg) started after the §110 stay';
    case 'AftercareEnded':
      return `Aftercare (efterforsorg) ended (${AFTERCARE_END_TEXT[event.data.reason]})`;
    default:
      return assertNever(event);
  }
}

export function municipality(code: string): string {
  const name = municipalityName(code);
  return name ? `${name} (${code})` : `municipality ${code}`;
}

const capitalize = (text: string): string => text[0].toUpperCase() + text.slice(1);

const DESTINATION_TEXT: Record<ShelterDischargeDestination, string> = {
  'own-home': 'own home',
  'transitional-housing': 'transitional housing',
  'other-shelter': 'another shelter',
  'family-or-friends': 'family or friends',
  hospital: 'hospital',
  prison: 'prison',
  street: 'the street',
  unknown: 'unknown destination',
};

const HANDLEKOMMUNE_REASON_TEXT: Record<HandlekommuneChangeReason, string> = {
  moved: 'the citizen moved',
  'agreement-between-municipalities': 'agreement between the municipalities',
  'ankestyrelsen-decision': 'decision by Ankestyrelsen',
  correction: 'correction of an earlier registration',
};

const ERASURE_REASON_TEXT: Record<PersonalDataErasureReason, string> = {
  'gdpr-art-17-request': "at the citizen's request",
  'retention-expired': 'retention period expired',
  'registered-in-error': 'registered in error',
};

const SITUATION_TEXT: Record<HomelessnessSituation, string> = {
  street: 'street sleeping',
  'night-shelter': 'night shelter',
  'section-110-shelter': '§110 shelter',
  'hotel-hostel': 'hotel or hostel',
  'family-friends': 'staying with family or friends',
  'transitional-housing': 'transitional housing',
  'prison-release-without-housing': 'released from prison within a month, without housing',
  'hospital-discharge-without-housing': 'discharged from hospital within a month, without housing',
  other: 'other',
};

const ROLE_TEXT: Record<ContactRole, string> = {
  'authority-caseworker': 'authority caseworker',
  'support-worker': 'support worker',
  'jobcentre-caseworker': 'jobcentre caseworker',
  'shelter-contact': 'shelter contact',
  mentor: 'mentor',
};

const CONSENT_CHANNEL_TEXT: Record<ConsentChannel, string> = {
  written: 'written',
  oral: 'oral',
  digital: 'digital',
};

const HOUSING_TYPE_TEXT: Record<PreferredHousingType, string> = {
  'social-housing': 'social housing',
  'youth-housing': 'youth housing',
  'alternative-housing': 'alternative housing (skæv bolig)',
  'rented-room': 'a rented room',
  'private-rental': 'private rental',
  any: 'any housing type',
};

const NOTICE_CHANNEL_TEXT: Record<HandlekommuneNoticeChannel, string> = {
  'secure-email': 'secure email',
  'digital-post': 'Digital Post',
  phone: 'phone',
  letter: 'letter',
  'this-system': 'through this system',
};

const AFTERCARE_END_TEXT: Record<AftercareEndReason, string> = {
  completed: 'completed',
  'citizen-declined': 'citizen declined',
  'contact-lost': 'contact lost',
  readmitted: 'readmitted',
  other: 'other reason',
};
