import { addDays, addMonths, copenhagenDate } from '../calendar';
import type { DomainEvent } from '../catalog';
import type { ConsentRecipientUnitType, ContactRole, StaffContactChannel } from '../citizen/citizen';
import type { EventCategory } from '../process';
import type { LeaseType } from '../housing/housing';
import type { HospitalAdmissionKind } from '../institution/institution';
import type { SupportLegalBasis, SupportMethod } from '../support/support';
import type { AlertEvent } from './alert';

/**
 * What the alert rules need to know about a citizen, folded from the citizen's own events in the order the feed
 * delivers them. No read model is involved: the alert engine keeps this fold next to its checkpoint, so the facts a
 * rule sees are exactly those of the events before (and including) the one it reacts to.
 *
 * Every fact remembers the id of the event that established it, so an alert's reason can cite its facts by id.
 * Only ids, codes and dates: the fold holds no personal data.
 */
export type FactEvent = Exclude<DomainEvent, AlertEvent>;

/** The event being reacted to, with what the store knows about it. */
export type AlertTrigger = { eventId: string; recordedAt: string; event: FactEvent };

export type StaffContactFact = {
  staffId: string;
  unitId: string;
  channel?: StaffContactChannel;
  eventId: string;
};

export type OfferFact = {
  status: 'offered' | 'accepted' | 'declined' | 'lapsed';
  leaseSigningDeadline: string;
  eventId: string;
};

export type TenancyFact = {
  leaseType: LeaseType;
  leaseEventId: string;
  movedInAt: string | null;
  movedInEventId: string | null;
  ended: boolean;
};

export type SupportCourseFact = {
  method: SupportMethod;
  legalBasis: SupportLegalBasis;
  providerUnitId: string;
  status: 'decided' | 'active' | 'paused' | 'ended';
  /** the event that put the course in its current status */
  eventId: string;
};

export type ConsentFact = {
  recipientUnitIds: string[];
  recipientUnitTypes: ConsentRecipientUnitType[];
  categories: EventCategory[];
  givenAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
};

export type AlertFacts = {
  citizenId: string;
  handlekommune: string | null;
  handlekommuneEventId: string | null;
  died: boolean;
  /**
   * The record's personal data was erased (GDPR art. 17): no alert is raised for it any more, since nobody could
   * act on an alert about a person who can no longer be identified. Absent in facts stored before erasure existed.
   */
  personalDataErased?: boolean;
  contacts: Partial<Record<ContactRole, StaffContactFact>>;
  consents: Record<string, ConsentFact>;
  offers: Record<string, OfferFact>;
  /** by the offer whose lease created the tenancy */
  tenancies: Record<string, TenancyFact>;
  shelterStay: {
    stayId: string;
    shelterId: string;
    municipalityOfStay: string;
    handlekommune: string;
    admittedAt: string;
    notified: boolean;
    eventId: string;
  } | null;
  /**
   * Earlier §110 stays (Copenhagen dates, nights from admission up to the discharge date) within the last two
   * years, for the refund clock (A5). Absent in facts stored before A5 existed: read it with `?? []`.
   */
  pastShelterStays?: Array<{ stayId: string; admittedOn: string; dischargedOn: string }>;
  supportCourses: Record<string, SupportCourseFact>;
  admission: { admissionId: string; kind: HospitalAdmissionKind; eventId: string } | null;
  prisonStays: Record<
    string,
    { status: 'in-custody' | 'released'; expectedReleaseDate: string | null; eventId: string }
  >;
  applications: Record<
    string,
    { decidingMunicipality: string; linkedOfferId: string | null; decided: boolean; eventId: string }
  >;
  jobcentreCaseworker: { caseworkerId: string; unitId: string; eventId: string } | null;
};

export function initialAlertFacts(citizenId: string): AlertFacts {
  return {
    citizenId,
    handlekommune: null,
    handlekommuneEventId: null,
    died: false,
    contacts: {},
    consents: {},
    offers: {},
    tenancies: {},
    shelterStay: null,
    pastShelterStays: [],
    supportCourses: {},
    admission: null,
    prisonStays: {},
    applications: {},
    jobcentreCaseworker: null,
  };
}

/** Earlier shelter stays are kept this long after their discharge (the refund clock looks back one year). */
const PAST_STAYS_KEPT_DAYS = 730;

const withEntry = <T>(record: Record<string, T>, key: string, value: T): Record<string, T> => ({
  ...record,
  [key]: value,
});

function changeEntry<T extends object>(
  record: Record<string, T>,
  key: string,
  changes: Partial<T>,
): Record<string, T> {
  if (!Object.hasOwn(record, key)) return record;
  return { ...record, [key]: { ...record[key], ...changes } };
}

/** Folds one event of the citizen into the facts; events that no rule needs leave them unchanged. */
export function evolveAlertFacts(facts: AlertFacts, trigger: AlertTrigger): AlertFacts {
  const { event, eventId } = trigger;
  switch (event.type) {
    case 'CitizenRegistered':
      return { ...facts, handlekommune: event.data.handlekommune, handlekommuneEventId: eventId };
    case 'HandlekommuneChanged':
      return { ...facts, handlekommune: event.data.to, handlekommuneEventId: eventId };
    case 'CitizenDied':
    case 'DiedInHospital':
      return { ...facts, died: true, admission: event.type === 'DiedInHospital' ? null : facts.admission };
    case 'CitizenPersonalDataErased':
      return { ...facts, personalDataErased: true };
    case 'ContactAssigned': {
      const { staffId, unitId, channel } = event.data.contact;
      return {
        ...facts,
        contacts: {
          ...facts.contacts,
          [event.data.role]: { staffId, unitId, ...(channel ? { channel } : {}), eventId },
        },
      };
    }
    case 'ContactUnassigned': {
      const contacts = { ...facts.contacts };
      delete contacts[event.data.role];
      return { ...facts, contacts };
    }
    case 'ConsentGiven':
      return {
        ...facts,
        consents: withEntry(facts.consents, event.data.consentId, {
          recipientUnitIds: event.data.recipientUnitIds,
          recipientUnitTypes: event.data.recipientUnitTypes,
          categories: event.data.categories,
          givenAt: event.data.occurredAt,
          expiresAt: event.data.expiresAt ?? null,
          withdrawnAt: null,
        }),
      };
    case 'ConsentWithdrawn':
      return {
        ...facts,
        consents: changeEntry(facts.consents, event.data.consentId, { withdrawnAt: event.data.occurredAt }),
      };

    case 'HousingOffered':
      return {
        ...facts,
        offers: withEntry(facts.offers, event.data.offerId, {
          status: 'offered',
          leaseSigningDeadline: event.data.leaseSigningDeadline,
          eventId,
        }),
      };
    case 'HousingOfferAccepted':
      return { ...facts, offers: changeEntry(facts.offers, event.data.offerId, { status: 'accepted' }) };
    case 'HousingOfferDeclined':
      return { ...facts, offers: changeEntry(facts.offers, event.data.offerId, { status: 'declined' }) };
    case 'HousingOfferLapsed':
      return { ...facts, offers: changeEntry(facts.offers, event.data.offerId, { status: 'lapsed' }) };
    case 'LeaseSigned':
      return {
        ...facts,
        tenancies: withEntry(facts.tenancies, event.data.offerId, {
          leaseType: event.data.leaseType,
          leaseEventId: eventId,
          movedInAt: null,
          movedInEventId: null,
          ended: false,
        }),
      };
    case 'MovedIn':
      return {
        ...facts,
        tenancies: changeEntry(facts.tenancies, event.data.offerId, {
          movedInAt: event.data.occurredAt,
          movedInEventId: eventId,
        }),
      };
    case 'TenancyEnded':
    case 'EvictionExecuted':
      return { ...facts, tenancies: changeEntry(facts.tenancies, event.data.offerId, { ended: true }) };

    case 'ShelterAdmissionRecorded':
      return {
        ...facts,
        shelterStay: {
          stayId: event.data.stayId,
          shelterId: event.data.shelterId,
          municipalityOfStay: event.data.municipalityOfStay,
          handlekommune: event.data.handlekommune,
          admittedAt: event.data.occurredAt,
          notified: false,
          eventId,
        },
      };
    case 'HandlekommuneNotified':
      return facts.shelterStay?.stayId === event.data.stayId
        ? { ...facts, shelterStay: { ...facts.shelterStay, notified: true } }
        : facts;
    case 'ShelterDischargeRecorded': {
      const stay = facts.shelterStay;
      if (stay?.stayId !== event.data.stayId) return facts;
      const dischargedOn = copenhagenDate(event.data.occurredAt);
      const keepFrom = addDays(dischargedOn, -PAST_STAYS_KEPT_DAYS);
      return {
        ...facts,
        shelterStay: null,
        pastShelterStays: [
          ...(facts.pastShelterStays ?? []).filter((past) => past.dischargedOn >= keepFrom),
          { stayId: stay.stayId, admittedOn: copenhagenDate(stay.admittedAt), dischargedOn },
        ],
      };
    }

    case 'SupportDecided':
      return {
        ...facts,
        supportCourses: withEntry(facts.supportCourses, event.data.supportId, {
          method: event.data.method,
          legalBasis: event.data.legalBasis,
          providerUnitId: event.data.providerUnitId,
          status: 'decided',
          eventId,
        }),
      };
    case 'SupportStarted':
    case 'SupportResumed':
      return {
        ...facts,
        supportCourses: changeEntry(facts.supportCourses, event.data.supportId, {
          status: 'active',
          eventId,
        }),
      };
    case 'SupportPaused':
      return {
        ...facts,
        supportCourses: changeEntry(facts.supportCourses, event.data.supportId, {
          status: 'paused',
          eventId,
        }),
      };
    case 'SupportEnded':
      return {
        ...facts,
        supportCourses: changeEntry(facts.supportCourses, event.data.supportId, { status: 'ended', eventId }),
      };

    case 'HospitalAdmissionRecorded':
      return {
        ...facts,
        admission: { admissionId: event.data.admissionId, kind: event.data.kind, eventId },
      };
    case 'DischargedFromHospital':
      return facts.admission?.admissionId === event.data.admissionId ? { ...facts, admission: null } : facts;
    // A retracted admission (MedCom AN_STIN/AN_STAA) is no admission; a retracted discharge or death reopens it.
    case 'HospitalNoticeCancelled': {
      const d = event.data;
      if (
        (d.cancelledCode === 'STIN' || d.cancelledCode === 'STAA') &&
        facts.admission?.admissionId === d.admissionId
      )
        return { ...facts, admission: null };
      if (d.cancelledCode === 'SLHJ' || d.cancelledCode === 'MORS')
        return { ...facts, admission: { admissionId: d.admissionId, kind: d.kind, eventId } };
      return facts;
    }
    case 'PrisonIntakeRecorded':
      return {
        ...facts,
        prisonStays: withEntry(facts.prisonStays, event.data.stayId, {
          status: 'in-custody',
          expectedReleaseDate: null,
          eventId,
        }),
      };
    case 'ReleaseScheduled':
      return {
        ...facts,
        prisonStays: changeEntry(facts.prisonStays, event.data.stayId, {
          expectedReleaseDate: event.data.expectedReleaseDate,
        }),
      };
    case 'ReleasedFromPrison':
      return {
        ...facts,
        prisonStays: changeEntry(facts.prisonStays, event.data.stayId, { status: 'released' }),
      };

    case 'DepositApplicationSubmitted':
      return {
        ...facts,
        applications: withEntry(facts.applications, event.data.applicationId, {
          decidingMunicipality: event.data.decidingMunicipality,
          linkedOfferId: event.data.linkedOfferId ?? null,
          decided: false,
          eventId,
        }),
      };
    case 'DepositApplicationDecided':
      return {
        ...facts,
        applications: changeEntry(facts.applications, event.data.applicationId, { decided: true }),
      };

    case 'JobcentreCaseworkerAssigned':
      return {
        ...facts,
        jobcentreCaseworker: { caseworkerId: event.data.caseworkerId, unitId: event.data.unitId, eventId },
      };
    default:
      return facts;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Derived facts

/**
 * A permanent home: a permanent (open-ended) lease the citizen has moved in under and that has not ended. A
 * transitional lease does not end homelessness (000:L199); a lease signed but not yet moved into is not a home yet.
 */
export function permanentHome(facts: AlertFacts): (TenancyFact & { offerId: string }) | null {
  const entry = Object.entries(facts.tenancies).find(
    ([, t]) => t.leaseType === 'permanent' && t.movedInAt !== null && !t.ended,
  );
  return entry ? { ...entry[1], offerId: entry[0] } : null;
}

/** The latest move-in into a tenancy that has not ended, if it lies within `months` before `at`. */
export function recentMoveIn(
  facts: AlertFacts,
  at: string,
  months: number,
): { movedInAt: string; eventId: string } | null {
  const onDay = copenhagenDate(at);
  const moves = Object.values(facts.tenancies)
    .filter((t) => !t.ended && t.movedInAt !== null && t.movedInEventId !== null)
    .filter((t) => addMonths(copenhagenDate(t.movedInAt as string), months) >= onDay)
    .sort((a, b) => Date.parse(b.movedInAt as string) - Date.parse(a.movedInAt as string));
  return moves.length
    ? { movedInAt: moves[0].movedInAt as string, eventId: moves[0].movedInEventId as string }
    : null;
}

export type CourseWithId = SupportCourseFact & { supportId: string };

/** Courses in the given statuses (by default: started and not paused or ended). */
export function supportCourses(
  facts: AlertFacts,
  statuses: readonly SupportCourseFact['status'][] = ['active'],
): CourseWithId[] {
  return Object.entries(facts.supportCourses)
    .filter(([, course]) => statuses.includes(course.status))
    .map(([supportId, course]) => ({ ...course, supportId }));
}

/** Whether a consent in force at `at` lets a unit (by type or id) see facts of `category`. */
export function hasConsentFor(
  facts: AlertFacts,
  recipient: { unitType: ConsentRecipientUnitType; unitId?: string },
  category: EventCategory,
  at: Date,
): boolean {
  const t = at.getTime();
  return Object.values(facts.consents).some(
    (consent) =>
      consent.categories.includes(category) &&
      (consent.recipientUnitTypes.includes(recipient.unitType) ||
        (recipient.unitId !== undefined && consent.recipientUnitIds.includes(recipient.unitId))) &&
      Date.parse(consent.givenAt) <= t &&
      (consent.withdrawnAt === null || Date.parse(consent.withdrawnAt) > t) &&
      (consent.expiresAt === null || Date.parse(consent.expiresAt) > t),
  );
}
