import { citizenProcess, DomainError, type ProcessDefinition } from '@hf/domain';
import { benefitsProcess } from '@hf/domain/benefits/benefits';
import { employmentProcess } from '@hf/domain/employment/employment';
import { housingProcess } from '@hf/domain/housing/housing';
import { institutionProcess } from '@hf/domain/institution/institution';
import { shelterStayProcess } from '@hf/domain/shelter-stay/shelter-stay';
import { supportProcess, type SupportMethod } from '@hf/domain/support/support';
import { toNewEvents, type NewEvent, type TypedEvent } from '@hf/event-store';
import { domainCodec } from '../../apps/api/src/shared/domain-codec';
import { Prng } from '../lib/prng';
import { HOMELESS_BY_MUNICIPALITY, SHELTER_CITIES } from './population';

const DAY = 24 * 3600 * 1000;

/** The span the national history covers; no event is dated after HISTORY_END. */
export const HISTORY_START = Date.UTC(2019, 0, 1);
export const HISTORY_END = Date.UTC(2025, 9, 31);

/** DOMAIN.md §8: CTI 51 %, ICM 36 %, ACT 13 % among Housing First recipients. */
export const METHOD_MIX: Readonly<Record<'cti' | 'icm' | 'act', number>> = { cti: 51, icm: 36, act: 13 };

/** One append the writer will make: consecutive events of one stream, in the order the domain decided them. */
export interface PlannedAppend {
  streamId: string;
  /** the stream's version before these events (0: the stream is new) */
  expectedVersion: number;
  events: NewEvent[];
}

export interface CitizenHistory {
  citizenId: string;
  handlekommune: string;
  appends: PlannedAppend[];
  eventCount: number;
  /** commands the domain refused (a chain step that did not fit the state), by command type */
  refused: Map<string, number>;
  /** the support method of each course decided, for checking the national mix */
  methods: SupportMethod[];
}

/** units named by function only; the handlekommune's own unit of that function acts */
const MUNICIPAL_UNIT_TYPES = new Set(['social-authority', 'benefits', 'jobcentre']);

type AnyProcess = ProcessDefinition<unknown, unknown, TypedEvent>;
interface StreamState {
  state: unknown;
  version: number;
}
type Task = { at: number; seq: number; run: () => void };

/**
 * One citizen's years as the domain would record them: a small discrete-event simulation whose steps are the real
 * commands, decided by the real deciders (`decide(command, state, now)`) against state kept in memory per stream,
 * so nothing is read back from the database. A command the decider refuses is counted and skipped, as a caseworker's
 * mistaken click would be; every event in the history is therefore one the domain produced.
 *
 * Steps are taken in time order from a queue, so events of different streams interleave as in real life (a
 * contact attempt, then a missed jobcentre meeting, then the next contact attempt) and the all-events feed sees
 * each citizen's facts in the order they happened.
 */
export function simulateCitizen(seed: number, index: number): CitizenHistory {
  return new Simulation(new Prng(seed, index)).run();
}

class Simulation {
  private readonly citizenId: string;
  private readonly handlekommune: string;
  private readonly streams = new Map<string, StreamState>();
  private readonly appends: PlannedAppend[] = [];
  private readonly refused = new Map<string, number>();
  private readonly methods: SupportMethod[] = [];
  private readonly queue = new TaskQueue();
  private seq = 0;
  private now = 0;
  private eventCount = 0;
  private dead = false;
  // what the simulation needs to know to choose the next step (the deciders hold the authoritative state)
  private course: { supportId: string; method: SupportMethod; paused: boolean; lost: boolean } | null = null;
  private housed: { offerId: string } | null = null;
  private inShelter: string | null = null;

  constructor(private readonly rng: Prng) {
    this.citizenId = rng.uuid();
    this.handlekommune = rng.weighted(HOMELESS_BY_MUNICIPALITY);
  }

  run(): CitizenHistory {
    const start = HISTORY_START + this.rng.next() * (HISTORY_END - HISTORY_START - 400 * DAY);
    this.at(start, () => this.register());
    for (let task = this.queue.pop(); task; task = this.queue.pop()) {
      if (task.at > HISTORY_END || this.dead) continue;
      this.now = task.at;
      task.run();
    }
    return {
      citizenId: this.citizenId,
      handlekommune: this.handlekommune,
      appends: this.appends,
      eventCount: this.eventCount,
      refused: this.refused,
      methods: this.methods,
    };
  }

  // --- the chain ------------------------------------------------------------------------------------------------

  private register() {
    const r = this.rng;
    this.citizen('social-authority', {
      type: 'RegisterCitizen',
      handlekommune: this.handlekommune,
      hasCpr: r.chance(0.9),
      // replaced by the writer with a value sealed by the personal-data vault (it needs the database)
      sealedPersonalData: 'sealed-by-writer',
    });
    this.citizen('social-authority', {
      type: 'RecordHomelessnessSituation',
      situation: r.weighted({
        street: 10,
        'night-shelter': 8,
        'section-110-shelter': 30,
        'hotel-hostel': 3,
        'family-friends': 25,
        'transitional-housing': 6,
        'prison-release-without-housing': 5,
        'hospital-discharge-without-housing': 4,
        other: 9,
      }),
    });
    this.citizen('social-authority', {
      type: 'AssignContact',
      role: 'authority-caseworker',
      contact: { staffId: `staff-${r.int(1, 400)}`, unitId: this.unit('social-authority') },
    });
    if (r.chance(0.4)) {
      this.citizen('social-authority', {
        type: 'RecordPreferences',
        preferredMunicipality: this.handlekommune,
        housingType: r.pick(['social-housing', 'alternative-housing', 'any'] as const),
      });
    }
    if (r.chance(0.5)) {
      this.citizen('social-authority', {
        type: 'GiveConsent',
        consentId: r.uuid(),
        purpose: 'coordination-of-housing-first-support',
        recipientUnitIds: [],
        recipientUnitTypes: ['social-authority', 'support-provider', 'shelter'],
        categories: ['health', 'justice'],
        legalTextRef: 'samtykke-hf-v2',
        givenVia: r.pick(['written', 'oral', 'digital'] as const),
      });
    }
    // ~49 % receive kontanthjælp and so have a jobcentre caseworker (DOMAIN.md §8)
    if (r.chance(0.49)) this.after(r.int(1, 30), () => this.startJobcentre());
    if (r.chance(0.1)) this.after(r.int(30, 700), () => this.prison());
    // 41 % have a psychiatric diagnosis; admissions come back now and then
    if (r.chance(0.41)) this.after(r.int(20, 500), () => this.psychiatricAdmission());
    this.after(r.int(0, 20), () => this.shelterStay());
    if (r.chance(0.12)) this.after(r.int(200, 2000), () => this.death());
  }

  private shelterStay() {
    if (this.housed || this.inShelter) return;
    const r = this.rng;
    const stayId = r.uuid();
    const elsewhere = r.chance(0.12) && !SHELTER_CITIES.includes(this.handlekommune as never);
    const municipalityOfStay = elsewhere ? r.pick(SHELTER_CITIES) : this.handlekommune;
    const shelterId = `shelter-${municipalityOfStay}-${r.int(1, 3)}`;
    const admitted = this.shelter(shelterId, {
      type: 'RecordShelterAdmission',
      stayId,
      shelterId,
      shelterName: `Herberg ${shelterId.slice(-5)}`,
      municipalityOfStay,
      handlekommune: this.handlekommune,
      referral: r.chance(0.7) ? 'self-referred' : 'referred',
      homeSituation: r.chance(0.93) ? 'no-home' : 'home-cannot-be-used',
    });
    if (!admitted) return;
    this.inShelter = stayId;
    // §110 stk. 6: most shelters notify within 3 working days, some late, some never (A2)
    if (r.chance(0.9)) {
      this.after(Number(r.weighted({ 0: 30, 1: 30, 2: 20, 3: 10, 6: 6, 12: 4 })), () =>
        this.shelter(shelterId, {
          type: 'RecordHandlekommuneNotified',
          stayId,
          channel: r.pick(['secure-email', 'digital-post', 'this-system'] as const),
        }),
      );
    }
    if (r.chance(0.8))
      this.after(r.int(3, 21), () => this.shelter(shelterId, { type: 'RecordStayPlan', stayId }));
    const stayDays = r.int(7, 260);
    if (r.chance(0.75)) {
      this.after(r.int(5, 30), () => this.housingTrack(shelterId, stayId, stayDays));
    } else {
      this.after(stayDays, () => this.leaveShelter(shelterId, stayId, false));
    }
  }

  private leaveShelter(shelterId: string, stayId: string, housed: boolean) {
    if (this.inShelter !== stayId) return;
    const r = this.rng;
    this.shelter(shelterId, {
      type: 'RecordShelterDischarge',
      stayId,
      destination: housed
        ? 'own-home'
        : r.weighted({
            street: 25,
            'family-or-friends': 25,
            'other-shelter': 15,
            unknown: 25,
            hospital: 5,
            prison: 5,
          }),
      planned: housed || r.chance(0.4),
    });
    this.inShelter = null;
    if (housed && r.chance(0.4)) {
      this.shelter(shelterId, { type: 'StartAftercare', stayId });
      this.after(r.int(60, 360), () =>
        this.shelter(shelterId, {
          type: 'EndAftercare',
          stayId,
          reason: r.weighted({ completed: 60, 'citizen-declined': 15, 'contact-lost': 15, other: 10 }),
        }),
      );
    }
    // without a home, many come back to a shelter
    if (!housed && r.chance(0.6)) this.after(r.int(20, 400), () => this.shelterStay());
  }

  private housingTrack(shelterId: string, stayId: string, stayDays: number) {
    const r = this.rng;
    const type = r.weighted({
      'almen-bolig': 70,
      'skaev-bolig': 15,
      'almen-ungdomsbolig': 8,
      'private-rental': 7,
    });
    this.housing('social-authority', {
      type: 'RegisterOnWaitingList',
      housingType: type,
      municipality: this.handlekommune,
      housingAssociation: null,
    });
    let allocationRequestId: string | null = null;
    if (r.chance(0.5)) {
      allocationRequestId = r.uuid();
      this.housing('social-authority', {
        type: 'RequestAllocation',
        allocationRequestId,
        municipality: this.handlekommune,
        housingType: type,
      });
    }
    // waits from 6 weeks to over a year, typically 3-12 months (DOMAIN.md §8)
    const wait = Number(r.weighted({ 45: 15, 90: 25, 180: 30, 270: 20, 400: 10 }));
    this.after(wait + r.int(0, 30), () => this.offer(shelterId, stayId, allocationRequestId, type));
    // those whose stay ends before housing comes leave the shelter meanwhile
    if (stayDays < wait) this.after(stayDays, () => this.leaveShelter(shelterId, stayId, false));
  }

  private offer(shelterId: string, stayId: string, allocationRequestId: string | null, type: string) {
    if (this.housed) return;
    const r = this.rng;
    const offerId = r.uuid();
    const association = `housing-association-${this.handlekommune}`;
    const deposit = r.int(8, 40) * 1000;
    const deadline = this.now + r.int(7, 21) * DAY;
    const offered = this.housing(association, {
      type: 'OfferHousing',
      offerId,
      dwelling: `${type}-${r.int(1, 9999)}`,
      housingAssociation: association,
      monthlyRentKr: r.int(35, 75) * 100,
      depositKr: deposit,
      leaseSigningDeadline: isoDate(deadline),
      expectedMoveIn: isoDate(deadline + r.int(7, 30) * DAY),
      allocationRequestId,
    });
    if (!offered) return;
    // the benefits office: normally up to 4 weeks, fast track under 24 h (DOMAIN.md §8)
    let decidedInTime = true;
    if (r.chance(0.7)) {
      const applicationId = r.uuid();
      const benefits = this.unit('benefits');
      this.after(r.int(0, 2), () => {
        this.benefits(benefits, {
          type: 'SubmitDepositApplication',
          applicationId,
          kind: r.weighted({ beboerindskudslan: 60, 'moving-expenses': 35, 'furniture-grant': 5 }),
          amountKr: deposit,
          decidingMunicipality: this.handlekommune,
          socialHousing: type !== 'private-rental',
          linkedOfferId: offerId,
          leaseSigningDeadline: isoDate(deadline),
        });
      });
      const fast = r.chance(0.45);
      if (fast)
        this.after(3, () =>
          this.benefits(benefits, {
            type: 'FastTrackDepositApplication',
            applicationId,
            reason: 'housing-offer-lease-deadline',
          }),
        );
      const decisionDays = fast ? 4 : r.int(5, 30);
      decidedInTime = this.now + decisionDays * DAY < deadline;
      if (!fast && r.chance(0.3)) {
        const requestId = r.uuid();
        this.after(4, () =>
          this.benefits(benefits, {
            type: 'RequestDocumentation',
            applicationId,
            requestId,
            what: r.pick(['lease-contract', 'income-statement', 'debt-overview'] as const),
            dueDate: isoDate(this.now + 10 * DAY),
          }),
        );
        this.after(r.int(5, 12), () =>
          this.benefits(benefits, { type: 'RecordDocumentationReceived', applicationId, requestId }),
        );
      }
      const outcome = r.weighted({ granted: 85, 'partially-granted': 8, refused: 7 });
      this.after(decisionDays + (fast ? 0.2 : 0), () =>
        this.benefits(benefits, {
          type: 'DecideDepositApplication',
          applicationId,
          outcome,
          ...(outcome === 'partially-granted' ? { grantedAmountKr: Math.round(deposit / 2) } : {}),
          ...(outcome === 'refused' ? { reasonCode: 'own-means-available' } : {}),
        }),
      );
    }
    const outcome =
      !decidedInTime && r.chance(0.5) ? 'lapsed' : r.weighted({ accepted: 78, declined: 10, lapsed: 12 });
    if (outcome === 'declined') {
      this.after(r.int(1, 5), () =>
        this.housing('social-authority', {
          type: 'DeclineHousingOffer',
          offerId,
          reason: r.pick(['too-expensive', 'citizen-declined', 'debt'] as const),
        }),
      );
      this.after(r.int(60, 200), () => this.offer(shelterId, stayId, null, type));
      return;
    }
    if (outcome === 'lapsed') {
      this.at(deadline + DAY, () =>
        this.housing(association, {
          type: 'RecordHousingOfferLapsed',
          offerId,
          reason: decidedInTime
            ? r.pick(['debt', 'flexible-letting-rule', 'other'] as const)
            : 'benefits-processing-time',
        }),
      );
      this.after(r.int(60, 200), () => this.offer(shelterId, stayId, null, type));
      return;
    }
    this.after(r.int(1, 4), () => this.housing('social-authority', { type: 'AcceptHousingOffer', offerId }));
    // §85a decided before the shelter discharge keeps the refund (§176a); most municipalities manage it
    const supportBeforeMoveIn = r.chance(0.8);
    if (supportBeforeMoveIn) this.after(r.int(2, 6), () => this.decideSupport(true));
    const leaseAt = deadline - r.int(0, 6) * DAY;
    const moveIn = leaseAt + r.int(5, 25) * DAY;
    this.at(leaseAt, () =>
      this.housing(association, {
        type: 'SignLease',
        offerId,
        leaseType: r.chance(0.92) ? 'permanent' : 'transitional',
        leaseStartsOn: isoDate(moveIn),
      }),
    );
    this.at(moveIn, () => {
      if (!this.housing('social-authority', { type: 'RecordMoveIn', offerId })) return;
      this.housed = { offerId };
      this.leaveShelter(shelterId, stayId, true);
      if (!supportBeforeMoveIn && r.chance(0.7)) this.after(r.int(3, 40), () => this.decideSupport(false));
      if (this.course) this.after(r.int(0, 3), () => this.startSupport());
      this.tenancy();
    });
  }

  private tenancy() {
    const r = this.rng;
    // arrears in about a sixth of tenancies a year; most evictions are averted
    if (!r.chance(0.35)) return;
    this.after(r.int(60, 700), () => {
      if (!this.housed) return;
      const offerId = this.housed.offerId;
      const association = `housing-association-${this.handlekommune}`;
      this.housing(association, {
        type: 'ReportRentArrears',
        offerId,
        amountKr: r.int(4, 30) * 1000,
        monthsInArrears: r.int(1, 4),
      });
      if (!r.chance(0.4)) return;
      const bailiff = this.now + r.int(20, 60) * DAY;
      this.after(r.int(10, 30), () =>
        this.housing(association, { type: 'ReceiveEvictionNotice', offerId, bailiffDate: isoDate(bailiff) }),
      );
      this.at(bailiff - 2 * DAY, () => {
        if (r.chance(0.75)) {
          this.housing(association, {
            type: 'RecordEvictionAverted',
            offerId,
            avertedBy: r.pick(['arrears-paid', 'payment-agreement', 'benefits-granted'] as const),
          });
          this.tenancy();
        } else if (this.housing(association, { type: 'RecordEvictionExecuted', offerId })) {
          // a lost tenancy never ends support (HF principle): the course runs on
          this.housed = null;
          this.after(r.int(1, 30), () => this.shelterStay());
        }
      });
    });
  }

  private decideSupport(beforeDischarge: boolean) {
    if (this.course) return;
    const r = this.rng;
    const method = r.weighted(METHOD_MIX);
    const supportId = r.uuid();
    const ok = this.support('social-authority', {
      type: 'DecideSupport',
      supportId,
      method,
      providerUnitId: `${method}-team-${this.handlekommune}`,
      decidedBeforeShelterDischarge: beforeDischarge && this.inShelter !== null,
    });
    if (!ok) return;
    this.methods.push(method);
    this.course = { supportId, method, paused: false, lost: false };
    if (!beforeDischarge) this.after(r.int(1, 7), () => this.startSupport());
    this.citizen('social-authority', {
      type: 'AssignContact',
      role: 'support-worker',
      contact: {
        staffId: `staff-${method}-${r.int(1, 60)}`,
        unitId: `${method}-team-${this.handlekommune}`,
        channel: { kind: 'work-phone', value: `+45 ${r.int(20000000, 99999999)}` },
      },
    });
  }

  private startSupport() {
    const course = this.course;
    if (!course) return;
    const provider = `${course.method}-team-${this.handlekommune}`;
    if (!this.support(provider, { type: 'StartSupport', supportId: course.supportId })) return;
    const r = this.rng;
    this.support(provider, {
      type: 'AdjustSupportIntensity',
      supportId: course.supportId,
      level: 'intensive',
      plannedContactsPerWeek: r.int(1, 3),
    });
    // CTI: contact period, then three phases over 9 months; ICM/ACT open-ended (planned ICM closures ~10-15 months)
    const months = course.method === 'cti' ? 10 : course.method === 'icm' ? r.int(8, 18) : r.int(12, 30);
    if (course.method === 'cti') {
      const phases = ['phase-1', 'phase-2', 'phase-3'] as const;
      phases.forEach((phase, i) =>
        this.after(30 + i * 91, () => {
          if (this.course === course && !course.paused)
            this.support(provider, { type: 'AdvanceCtiPhase', supportId: course.supportId, phase });
        }),
      );
    }
    this.after(r.int(2, 8), () => this.contactRound(course, provider));
    // unplanned exits ~40 %: no wish 38 %, lost contact 24 %, moved 16 %, died 6 % (DOMAIN.md §8)
    const unplanned = r.chance(0.4);
    const length = unplanned ? r.int(30, months * 30) : months * 30;
    this.after(length, () => this.endSupport(course, provider, unplanned));
  }

  /** The bulk of a national history: support workers' contact attempts, every few days for months. */
  private contactRound(course: NonNullable<Simulation['course']>, provider: string) {
    if (this.course !== course) return;
    const r = this.rng;
    if (!course.paused) {
      if (course.lost) {
        if (r.chance(0.5)) {
          if (
            this.support(provider, {
              type: 'RecordContactRestored',
              supportId: course.supportId,
              channel: r.pick(['home-visit', 'outreach', 'via-shelter'] as const),
            })
          )
            course.lost = false;
        }
      } else if (r.chance(0.012)) {
        // the citizen stops answering; after three weeks without contact the worker records it as lost (A8)
        course.lost = true;
        this.after(22, () => {
          if (this.course === course && !course.paused)
            this.support(provider, { type: 'RecordContactLost', supportId: course.supportId });
        });
      } else {
        this.support(provider, {
          type: 'RecordContactAttempt',
          supportId: course.supportId,
          channel: r.weighted({ 'home-visit': 40, phone: 25, sms: 15, outreach: 10, 'office-meeting': 10 }),
          outcome: r.weighted({ reached: 80, 'not-reached': 17, declined: 3 }),
        });
        if (r.chance(0.02)) {
          this.support(provider, {
            type: 'AdjustSupportIntensity',
            supportId: course.supportId,
            level: r.pick(['low', 'medium', 'high'] as const),
          });
        }
      }
    }
    this.after(course.lost ? r.int(25, 40) : r.int(2, 7), () => this.contactRound(course, provider));
  }

  private endSupport(
    course: NonNullable<Simulation['course']>,
    provider: string,
    unplanned: boolean,
    reason?: 'died',
  ) {
    if (this.course !== course) return;
    const r = this.rng;
    if (course.paused) this.support(provider, { type: 'ResumeSupport', supportId: course.supportId });
    const needsSuccessor = !unplanned && (course.method === 'cti' || course.method === 'icm');
    let successorSupportId: string | undefined;
    if (needsSuccessor) {
      successorSupportId = r.uuid();
      this.support('social-authority', {
        type: 'DecideSupport',
        supportId: successorSupportId,
        method: 'section-85',
        providerUnitId: `section-85-team-${this.handlekommune}`,
        decidedBeforeShelterDischarge: false,
      });
    }
    this.support(provider, {
      type: 'EndSupport',
      supportId: course.supportId,
      endKind: unplanned ? 'unplanned' : 'planned',
      reason:
        reason ??
        (unplanned
          ? r.weighted({ 'no-wish': 38, 'lost-contact': 24, 'moved-municipality': 16, other: 22 })
          : 'goal-reached'),
      successorSupport: needsSuccessor ? 'section-85' : 'none',
      ...(successorSupportId ? { successorSupportId } : {}),
    });
    this.course = null;
    if (successorSupportId) {
      const successor = {
        supportId: successorSupportId,
        method: 'section-85' as const,
        paused: false,
        lost: false,
      };
      this.after(r.int(1, 10), () => {
        if (
          this.support(`section-85-team-${this.handlekommune}`, {
            type: 'StartSupport',
            supportId: successorSupportId,
          })
        ) {
          this.course = successor;
          this.after(r.int(3, 10), () =>
            this.contactRound(successor, `section-85-team-${this.handlekommune}`),
          );
          this.after(r.int(120, 540), () =>
            this.endSupport(successor, `section-85-team-${this.handlekommune}`, false),
          );
        }
      });
    }
  }

  private startJobcentre() {
    const r = this.rng;
    const unit = this.unit('jobcentre');
    if (
      !this.employment(unit, {
        type: 'AssignJobcentreCaseworker',
        caseworkerId: `staff-jc-${r.int(1, 200)}`,
        unitId: unit,
      })
    )
      return;
    this.employment(unit, {
      type: 'ChangeReadinessCategory',
      category: r.weighted({ 'activity-ready': 75, 'job-ready': 20, 'education-ready': 5 }),
    });
    this.after(r.int(30, 120), () => this.jobcentreRound(unit));
  }

  private jobcentreRound(unit: string) {
    const r = this.rng;
    if (r.chance(0.35)) {
      this.employment(unit, {
        type: 'RecordMissedMeeting',
        meetingDate: isoDate(this.now),
        meetingKind: r.pick(['job-interview', 'activity-offer', 'other'] as const),
      });
      if (r.chance(0.5)) {
        this.employment(unit, { type: 'FlagSanctionRisk', reason: 'missed-meeting' });
        const warningId = r.uuid();
        this.after(r.int(1, 5), () => {
          const warned = this.employment(unit, {
            type: 'IssueSanctionWarning',
            warningId,
            ground: 'missed-meeting',
            hearingDeadline: isoDate(this.now + 14 * DAY),
          });
          if (!warned) return;
          for (let i = 0, n = r.int(1, 3); i < n; i++) {
            this.after(1 + i * 2, () =>
              this.employment(unit, {
                type: 'AttemptPersonalContact',
                warningId,
                channel: r.pick(['phone', 'letter', 'via-support-worker', 'via-shelter'] as const),
                outcome: r.chance(0.6) ? 'reached' : 'not-reached',
              }),
            );
          }
          const end = r.weighted({ impose: 45, withdraw: 35, none: 20 });
          if (end === 'impose')
            this.after(15, () =>
              this.employment(unit, { type: 'ImposeSanction', warningId, amountKr: r.int(5, 30) * 100 }),
            );
          if (end === 'withdraw')
            this.after(10, () =>
              this.employment(unit, {
                type: 'WithdrawSanction',
                warningId,
                reason: r.pick(['reasonable-cause', 'exemption-granted'] as const),
              }),
            );
        });
      }
    }
    if (r.chance(0.05)) {
      this.employment(unit, {
        type: 'GrantExemption',
        until: isoDate(this.now + r.int(30, 180) * DAY),
        reason: this.housed ? 'personal-circumstances' : 'housing-situation',
      });
    }
    this.after(r.int(30, 90), () => this.jobcentreRound(unit));
  }

  private psychiatricAdmission() {
    const r = this.rng;
    const admissionId = r.uuid();
    const hospital = `psychiatry-region-${regionOf(this.handlekommune)}`;
    const admitted = this.institution(hospital, {
      type: 'RecordHospitalAdmission',
      admissionId,
      kind: 'psychiatric',
      medcomCode: 'STIN',
      hospitalName: `Psykiatrisk Center ${regionOf(this.handlekommune)}`,
      hasChapter16Support: this.course !== null,
    });
    if (!admitted) return;
    const course = this.course;
    if (course && !course.paused) {
      const provider = `${course.method}-team-${this.handlekommune}`;
      if (
        this.support(provider, {
          type: 'PauseSupport',
          supportId: course.supportId,
          reason: 'psychiatric-admission',
          institutionStayId: admissionId,
        })
      )
        course.paused = true;
    }
    const days = r.int(3, 45);
    // notice lead time is often 0-1 day in practice (DOMAIN.md §8)
    this.after(Math.max(0, days - Number(r.weighted({ 0: 40, 1: 35, 3: 15, 7: 10 }))), () =>
      this.institution(hospital, {
        type: 'PlanHospitalDischarge',
        admissionId,
        expectedDate: isoDate(this.now + DAY),
        destination: this.housed ? 'own-home' : 'unknown',
        housingStatus: this.housed ? 'own-home' : this.inShelter ? 'shelter' : 'no-home',
        medicationNeeds: r.pick(['self-administered', 'support-needed', 'supervised-dispensing'] as const),
      }),
    );
    this.after(days + 0.5, () => {
      this.institution(hospital, { type: 'RecordHospitalDischarge', admissionId, dischargeId: r.uuid() });
      if (course && course.paused && this.course === course) {
        const provider = `${course.method}-team-${this.handlekommune}`;
        if (
          this.support(provider, {
            type: 'ResumeSupport',
            supportId: course.supportId,
            institutionStayId: admissionId,
          })
        )
          course.paused = false;
      }
      if (r.chance(0.3)) this.after(r.int(60, 400), () => this.psychiatricAdmission());
    });
  }

  private prison() {
    const r = this.rng;
    const stayId = r.uuid();
    const prison = `prison-${r.int(1, 12)}`;
    if (
      !this.institution(prison, { type: 'RecordPrisonIntake', stayId, institutionName: `Fængsel ${prison}` })
    )
      return;
    const course = this.course;
    if (course && !course.paused) {
      if (
        this.support(`${course.method}-team-${this.handlekommune}`, {
          type: 'PauseSupport',
          supportId: course.supportId,
          reason: 'prison',
          institutionStayId: stayId,
        })
      )
        course.paused = true;
    }
    const days = r.int(30, 300);
    // parole is decided about four weeks ahead
    this.after(days - 28, () =>
      this.institution(prison, {
        type: 'SchedulePrisonRelease',
        stayId,
        expectedReleaseDate: isoDate(this.now + 28 * DAY),
        housingStatus: this.housed ? 'own-home' : 'no-home',
      }),
    );
    this.after(days, () => {
      this.institution(prison, { type: 'RecordPrisonRelease', stayId, releaseId: r.uuid() });
      if (course && course.paused && this.course === course) {
        if (
          this.support(`${course.method}-team-${this.handlekommune}`, {
            type: 'ResumeSupport',
            supportId: course.supportId,
            institutionStayId: stayId,
          })
        )
          course.paused = false;
      }
      if (!this.housed) this.after(r.int(0, 10), () => this.shelterStay());
    });
  }

  private death() {
    if (this.course)
      this.endSupport(this.course, `${this.course.method}-team-${this.handlekommune}`, true, 'died');
    this.citizen('social-authority', { type: 'RecordCitizenDeath' });
    this.dead = true;
  }

  // --- deciding and recording -------------------------------------------------------------------------------------

  private citizen(unitType: string, command: Record<string, unknown>) {
    return this.decide(citizenProcess, unitType, command);
  }
  private shelter(unit: string, command: Record<string, unknown>) {
    return this.decide(shelterStayProcess, unit, command);
  }
  private housing(unit: string, command: Record<string, unknown>) {
    return this.decide(housingProcess, unit, command);
  }
  private benefits(unit: string, command: Record<string, unknown>) {
    return this.decide(benefitsProcess, unit, command);
  }
  private support(unit: string, command: Record<string, unknown>) {
    return this.decide(supportProcess, unit, command);
  }
  private employment(unit: string, command: Record<string, unknown>) {
    return this.decide(employmentProcess, unit, command);
  }
  private institution(unit: string, command: Record<string, unknown>) {
    return this.decide(institutionProcess, unit, command);
  }

  /**
   * Decides one command against the stream's in-memory state; the events go to the plan (joined onto the last
   * append when it is the same stream) and into the state. Returns false when the domain refused the command.
   */
  private decide(definition: unknown, unitOrType: string, command: Record<string, unknown>): boolean {
    const process = definition as AnyProcess;
    const streamId = process.streamId(this.citizenId);
    const stream = this.streams.get(streamId) ?? { state: process.decider.initialState(), version: 0 };
    const occurredAt = new Date(this.now);
    const full = { citizenId: this.citizenId, occurredAt, ...command };
    let events: TypedEvent[];
    try {
      // the system learns of it a minute later: late notices are modelled by the steps' own dates
      events = process.decider.decide(full, stream.state, new Date(this.now + 60_000));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const type = String(command.type);
      this.refused.set(type, (this.refused.get(type) ?? 0) + 1);
      return false;
    }
    if (events.length === 0) return true;
    const unit = MUNICIPAL_UNIT_TYPES.has(unitOrType) ? this.unit(unitOrType) : unitOrType;
    const correlationId = this.rng.uuid();
    const recorded = toNewEvents(domainCodec, events as never, {
      now: new Date(this.now + 60_000),
      newId: () => this.rng.uuid(),
      metadata: {
        correlationId,
        causationId: correlationId,
        principal: 'bench-generator',
        unit,
        source: { system: unit },
      },
    });
    const last = this.appends[this.appends.length - 1];
    if (last && last.streamId === streamId) last.events.push(...recorded);
    else this.appends.push({ streamId, expectedVersion: stream.version, events: recorded });
    stream.state = events.reduce((state, event) => process.decider.evolve(state, event), stream.state);
    stream.version += events.length;
    this.streams.set(streamId, stream);
    this.eventCount += events.length;
    return true;
  }

  /** a municipal unit of the handlekommune, e.g. `social-authority-101` */
  private unit(type: string): string {
    return `${type}-${this.handlekommune}`;
  }

  private at(time: number, run: () => void) {
    this.queue.push({ at: time, seq: this.seq++, run });
  }

  private after(days: number, run: () => void) {
    this.at(this.now + days * DAY + this.rng.int(0, 8 * 3600) * 1000, run);
  }
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function regionOf(kommunekode: string): string {
  const code = Number(kommunekode);
  if (code < 300 || code === 400) return 'hovedstaden';
  if (code < 400) return 'sjaelland';
  if (code < 640 && code !== 615) return 'syddanmark';
  if ([773, 787].includes(code) || code >= 800) return 'nordjylland';
  return 'midtjylland';
}

/** The simulation's agenda: a binary min-heap on (time, insertion order), so equal times keep their order. */
class TaskQueue {
  private readonly heap: Task[] = [];

  push(task: Task) {
    const h = this.heap;
    h.push(task);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  pop(): Task | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
