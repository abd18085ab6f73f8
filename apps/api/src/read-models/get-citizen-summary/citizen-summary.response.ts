import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_ROLES, STAFF_CONTACT_CHANNEL_KINDS } from '@hf/domain';
import { SUPPORT_METHODS } from '@hf/domain/support/support';

export class StaffChannelResponse {
  @ApiProperty({ enum: STAFF_CONTACT_CHANNEL_KINDS, example: 'work-phone' }) kind!: string;
  @ApiProperty({
    description: 'Work phone number or work email of the staff member',
    example: '+45 33 17 33 17',
  })
  value!: string;
}

export class CurrentTenancyResponse {
  @ApiProperty({ example: '0195b2d0-4b1c-7e9f-8a2b-3c4d5e6f7a8b' }) offerId!: string;
  @ApiProperty({ enum: ['permanent', 'transitional'], example: 'permanent' }) leaseType!: string;
  @ApiProperty({ example: '2026-02-11', nullable: true, type: String }) leaseStartsOn!: string | null;
  @ApiProperty({ example: '2026-02-11T09:00:00.000Z' }) movedInAt!: string;
}

export class HousingSummaryResponse {
  @ApiProperty({
    enum: ['permanent-home', 'transitional-housing', 'no-home'],
    description:
      'Only a permanent lease followed by a move-in ends homelessness; a transitional lease does not; a tenancy that ' +
      'ended (tenancy ended, eviction executed) ends it again',
    example: 'permanent-home',
  })
  status!: string;
  @ApiProperty({ example: true }) permanentHome!: boolean;
  @ApiProperty({
    description: 'Since when: the move-in, or the end of the last tenancy; null when the record does not say',
    example: '2026-02-11T09:00:00.000Z',
    nullable: true,
    type: String,
  })
  since!: string | null;
  @ApiProperty({ type: CurrentTenancyResponse, nullable: true, description: 'The tenancy lived in now' })
  tenancy!: CurrentTenancyResponse | null;
}

export class OpenShelterStayResponse {
  @ApiProperty({ example: '0195b2d0-5c2d-7e9f-8a2b-3c4d5e6f7a8b' }) stayId!: string;
  @ApiProperty({
    example: 'shelter-kollegiet-sct-nicolai',
    nullable: true,
    type: String,
    description: 'null for readers who may only know that a stay is open',
  })
  shelterId!: string | null;
  @ApiProperty({ example: 'Kollegiet Sct. Nicolai', nullable: true, type: String }) shelterName!:
    string | null;
  @ApiProperty({ example: '101', nullable: true, type: String }) municipalityOfStay!: string | null;
  @ApiProperty({ example: '2026-01-14T14:00:00.000Z' }) since!: string;
  @ApiProperty({ description: 'Nights so far', example: 47 }) days!: number;
}

export class SupportCourseResponse {
  @ApiProperty({ example: '0195b2d0-6d3e-7e9f-8a2b-3c4d5e6f7a8b' }) supportId!: string;
  @ApiProperty({ enum: SUPPORT_METHODS, example: 'cti' }) method!: string;
  @ApiProperty({ example: 'serviceloven §85a' }) legalBasis!: string;
  @ApiProperty({ example: 'unit-cti-team-kobenhavn', nullable: true, type: String }) providerUnitId!:
    string | null;
  @ApiProperty({ enum: ['decided', 'active', 'paused'], example: 'active' }) status!: string;
  @ApiProperty({ example: false }) paused!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) pausedSince!: string | null;
  @ApiProperty({
    enum: ['hospital-admission', 'psychiatric-admission', 'prison', 'other'],
    example: null,
    nullable: true,
  })
  pauseReason!: string | null;
  @ApiProperty({ example: '2026-02-10T13:00:00.000Z', nullable: true, type: String }) decidedAt!:
    string | null;
  @ApiProperty({ example: '2026-02-11T10:00:00.000Z', nullable: true, type: String }) startedAt!:
    string | null;
  @ApiProperty({
    enum: ['contact', 'phase-1', 'phase-2', 'phase-3'],
    description: 'CTI only',
    example: 'contact',
    nullable: true,
  })
  ctiPhase!: string | null;
  @ApiProperty({ description: 'End of the 9-month CTI period', example: null, nullable: true, type: String })
  ctiPlannedEnd!: string | null;
  @ApiProperty({
    description: 'Set while contact is lost (> 3 weeks)',
    example: null,
    nullable: true,
    type: String,
  })
  contactLostSince!: string | null;
}

export class SupportSummaryResponse {
  @ApiProperty({ description: 'A course is running (started, not ended; paused counts)', example: true })
  active!: boolean;
  @ApiProperty({
    description: 'Methods of the running courses',
    example: ['cti'],
    isArray: true,
    enum: SUPPORT_METHODS,
  })
  methods!: string[];
  @ApiProperty({ example: false }) paused!: boolean;
  @ApiProperty({ type: [SupportCourseResponse], description: 'Courses not ended: decided, active or paused' })
  courses!: SupportCourseResponse[];
}

export class NamedContactResponse {
  @ApiProperty({ enum: CONTACT_ROLES, example: 'support-worker' }) role!: string;
  @ApiProperty({ description: 'Opaque staff id, never a name', example: 'kk-sof-az48213' }) staffId!: string;
  @ApiProperty({ example: 'kk-cti-team-nordvest' }) unitId!: string;
  @ApiProperty({ type: StaffChannelResponse, nullable: true }) channel!: StaffChannelResponse | null;
  @ApiProperty({ example: '2026-02-10T13:00:00.000Z' }) since!: string;
  @ApiProperty({
    description: 'The record the contact was assigned on (differs for a linked record)',
    example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a',
  })
  recordId!: string;
}

export class JobcentreCaseworkerResponse {
  @ApiProperty({ example: 'kk-bif-jc-10422' }) staffId!: string;
  @ApiProperty({ example: 'kk-jobcenter-kobenhavn' }) unitId!: string;
  @ApiProperty({ example: '2026-01-20T09:00:00.000Z' }) since!: string;
  @ApiProperty({ type: StaffChannelResponse, nullable: true }) channel!: StaffChannelResponse | null;
  @ApiProperty({
    enum: ['employment', 'contacts'],
    description:
      'From the employment process (caseworker assigned) or from the contacts (jobcentre-caseworker role)',
    example: 'employment',
  })
  source!: string;
}

export class OpenAlertResponse {
  @ApiProperty({ example: '0195b2d0-7e4f-7e9f-8a2b-3c4d5e6f7a8b' }) alertId!: string;
  @ApiProperty({ example: 'A4', nullable: true, type: String }) rule!: string | null;
  @ApiProperty({ example: 'high', nullable: true, type: String }) severity!: string | null;
  @ApiProperty({ example: 'open', nullable: true, type: String }) status!: string | null;
  @ApiProperty({ example: '2026-03-04T12:00:00.000Z', nullable: true, type: String }) dueAt!: string | null;
}

export class CitizenSummaryResponse {
  @ApiProperty({ example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({
    description: 'The instant the derived values (days, since) are computed for',
    example: '2026-03-02T10:00:00.000Z',
  })
  asOf!: string;
  @ApiProperty({
    description: 'Records linked to this one (same person); the summary covers them too',
    example: [],
    type: [String],
  })
  linkedRecordIds!: string[];
  @ApiProperty({
    description: 'Responsible municipality (kommunekode)',
    example: '101',
    nullable: true,
    type: String,
  })
  handlekommune!: string | null;
  @ApiProperty({ example: false }) died!: boolean;
  @ApiProperty({
    description:
      "The record's personal data (CPR number, name, alias, birth date) was erased (GDPR art. 17): nothing here " +
      'or anywhere else identifies the citizen any more; the facts stay for statistics',
    example: false,
  })
  personalDataErased!: boolean;
  @ApiProperty({
    type: HousingSummaryResponse,
    nullable: true,
    description:
      'null when the reader’s unit may not see housing; the tenancy only for units that see its events',
  })
  housing!: HousingSummaryResponse | null;
  @ApiProperty({ type: OpenShelterStayResponse, nullable: true, description: 'The open §110 stay, if any' })
  shelterStay!: OpenShelterStayResponse | null;
  @ApiProperty({
    type: SupportSummaryResponse,
    nullable: true,
    description: 'null when the reader’s unit may not see support; flag-only units get no courses',
  })
  support!: SupportSummaryResponse | null;
  @ApiProperty({ type: [NamedContactResponse], description: 'One contact per role' })
  contacts!: NamedContactResponse[];
  @ApiProperty({ type: JobcentreCaseworkerResponse, nullable: true })
  jobcentreCaseworker!: JobcentreCaseworkerResponse | null;
  @ApiProperty({
    type: [OpenAlertResponse],
    description:
      'Open interface alerts of the citizen: filled by the alerts read model (table alerts_inbox) when it exists, ' +
      'an empty list until then',
  })
  openAlerts!: OpenAlertResponse[];
  @ApiProperty({ example: 0 }) openAlertsCount!: number;
}
