import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import type { EventCategory } from '@hf/domain';
import { PG_POOL } from '@hf/platform';
import {
  CitizenStatusFacts,
  courseStatus,
  housingSituation,
  readCitizenStatus,
  runningCourses,
} from '@hf/projections/citizen-status/citizen-status.read';
import { readOpenAlerts } from '@hf/projections/citizen-status/open-alerts';
import { inReadSnapshot } from '@hf/projections/citizen-status/read-snapshot';
import { readShelterStays, withRefundClock } from '@hf/projections/shelter-stays/shelter-stays.read';
import type { Pool } from 'pg';
import { CLOCK, Clock } from '../../shared/clock';
import { CitizenSummaryResponse, JobcentreCaseworkerResponse } from './citizen-summary.response';
import { GetCitizenSummaryQuery } from './get-citizen-summary.query';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

@QueryHandler(GetCitizenSummaryQuery)
export class GetCitizenSummaryHandler implements IQueryHandler<
  GetCitizenSummaryQuery,
  CitizenSummaryResponse
> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenId, ctx }: GetCitizenSummaryQuery): Promise<CitizenSummaryResponse> {
    const now = this.clock.now();
    const view = await this.access.authorizeRead(
      {
        principal: ctx.principal,
        citizenId,
        action: 'citizen-summary',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      },
      now,
    );
    const { statuses, stays, openAlerts } = await inReadSnapshot(this.pool, async (db) => {
      const statuses = await readCitizenStatus(db, [citizenId]);
      const stays = await readShelterStays(db, [citizenId]);
      const recordIds = statuses.get(citizenId)!.recordIds;
      // Last: should the alert inbox have gone away, its failed read aborts the snapshot (see readOpenAlerts).
      const openAlerts = await readOpenAlerts(db, recordIds.length ? recordIds : [citizenId]);
      return { statuses, stays, openAlerts };
    });
    const facts = statuses.get(citizenId)!;
    const housing = housingSituation(facts.tenancies);
    const openStay = withRefundClock(stays.get(citizenId) ?? [], now).find((s) => s.open) ?? null;
    const sees = (category: EventCategory, relatedUnits: string[] = []) =>
      view.sees({ category, recordedByUnit: null, relatedUnits, legalBasis: null });
    const stayInFull = openStay !== null && sees('shelter', [openStay.shelterId]);
    const alerts = openAlerts.filter((a) =>
      sees((a.category ?? 'health') as EventCategory, a.recipientUnitIds),
    );
    const running = runningCourses(facts.courses);
    const courses = facts.courses.filter((c) => courseStatus(c) !== 'ended');

    return {
      citizenId,
      asOf: now.toISOString(),
      linkedRecordIds: facts.recordIds.filter((id) => id !== citizenId),
      handlekommune: facts.citizen?.handlekommune ?? null,
      died: facts.citizen?.diedAt != null,
      personalDataErased: facts.citizen?.personalDataErasedAt != null,
      housing: !view.seesAnything('housing')
        ? null
        : {
            status: housing.status,
            permanentHome: housing.permanentHome,
            since: iso(housing.since),
            tenancy:
              housing.tenancy && sees('housing')
                ? {
                    offerId: housing.tenancy.offerId,
                    leaseType: housing.tenancy.leaseType ?? 'permanent',
                    leaseStartsOn: housing.tenancy.leaseStartsOn,
                    movedInAt: housing.tenancy.movedInAt!.toISOString(),
                  }
                : null,
          },
      // Flag-only readers learn that a stay is open, since when and how long, not where.
      shelterStay:
        openStay && (stayInFull || view.seesFlags('shelter'))
          ? {
              stayId: openStay.stayId,
              shelterId: stayInFull ? openStay.shelterId : null,
              shelterName: stayInFull ? openStay.shelterName : null,
              municipalityOfStay: stayInFull ? openStay.municipalityOfStay : null,
              since: openStay.admittedAt.toISOString(),
              days: openStay.days,
            }
          : null,
      support: !view.seesAnything('support')
        ? null
        : {
            active: running.length > 0,
            methods: [...new Set(running.map((c) => c.method))],
            paused: running.length > 0 && running.every((c) => c.pausedAt !== null),
            courses: !sees('support')
              ? []
              : courses.map((c) => ({
                  supportId: c.supportId,
                  method: c.method,
                  legalBasis: c.legalBasis,
                  providerUnitId: c.providerUnitId,
                  status: courseStatus(c),
                  paused: c.pausedAt !== null,
                  pausedSince: iso(c.pausedAt),
                  pauseReason: c.pauseReason,
                  decidedAt: iso(c.decidedAt),
                  startedAt: iso(c.startedAt),
                  ctiPhase: c.ctiPhase,
                  ctiPlannedEnd: c.ctiPlannedEnd,
                  contactLostSince: iso(c.contactLostSince),
                })),
          },
      contacts: !sees('identity')
        ? []
        : facts.contacts.map((c) => ({
            role: c.role,
            staffId: c.staffId,
            unitId: c.unitId,
            channel: c.channel,
            since: c.assignedAt.toISOString(),
            recordId: c.citizenId,
          })),
      jobcentreCaseworker: sees('identity') ? jobcentreCaseworker(facts) : null,
      openAlerts: alerts.map(({ category: _c, recipientUnitIds: _r, ...alert }) => alert),
      openAlertsCount: alerts.length,
    };
  }
}

/** From the employment process when it names one, else from the contacts' jobcentre-caseworker role. */

function jobcentreCaseworker(facts: CitizenStatusFacts): JobcentreCaseworkerResponse | null {
  const contact = facts.contacts.find((c) => c.role === 'jobcentre-caseworker') ?? null;
  const citizen = facts.citizen;
  if (citizen?.jobcentreCaseworkerId && citizen.jobcentreUnitId && citizen.jobcentreAssignedAt) {
    return {
      staffId: citizen.jobcentreCaseworkerId,
      unitId: citizen.jobcentreUnitId,
      since: citizen.jobcentreAssignedAt.toISOString(),
      channel: contact && contact.staffId === citizen.jobcentreCaseworkerId ? contact.channel : null,
      source: 'employment',
    };
  }
  if (!contact) return null;
  return {
    staffId: contact.staffId,
    unitId: contact.unitId,
    since: contact.assignedAt.toISOString(),
    channel: contact.channel,
    source: 'contacts',
  };
}
