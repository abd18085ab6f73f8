import { ApiProperty } from '@nestjs/swagger';

export class InstitutionRecordedResponse {
  @ApiProperty({ type: [String], example: ['DischargePlanned'] })
  recorded!: string[];
}

export class HospitalAdmissionResponse {
  @ApiProperty({ type: [String], example: ['HospitalAdmissionRecorded', 'SupportPaused'] })
  recorded!: string[];

  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e0f', description: 'Also the id of the notice' })
  admissionId!: string;

  @ApiProperty({ type: [String], description: 'Support courses this admission paused' })
  pausedSupportIds!: string[];
}

export class HospitalDischargeResponse {
  @ApiProperty({ type: [String], example: ['DischargedFromHospital', 'SupportResumed'] })
  recorded!: string[];

  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e10' })
  dischargeId!: string;

  @ApiProperty({ type: [String], description: 'Support courses the discharge resumed' })
  resumedSupportIds!: string[];
}

export class PrisonIntakeResponse {
  @ApiProperty({ type: [String], example: ['PrisonIntakeRecorded', 'SupportPaused'] })
  recorded!: string[];

  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e11', description: 'Also the id of the notice' })
  stayId!: string;

  @ApiProperty({ type: [String], description: 'Support courses this intake paused' })
  pausedSupportIds!: string[];
}

export class PrisonReleaseResponse {
  @ApiProperty({ type: [String], example: ['ReleasedFromPrison', 'SupportResumed'] })
  recorded!: string[];

  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e12' })
  releaseId!: string;

  @ApiProperty({ type: [String], description: 'Support courses the release resumed' })
  resumedSupportIds!: string[];
}
