import { ApiProperty } from '@nestjs/swagger';

/** What every plan write answers: the types of the events that were appended, in order. */
export class PlanRecordedResponse {
  @ApiProperty({ type: [String], example: ['ActionPlanMade'] })
  recorded!: string[];
}

export class AssessmentStartedResponse extends PlanRecordedResponse {
  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e01' })
  assessmentId!: string;
}

export class ActionPlanOfferedResponse extends PlanRecordedResponse {
  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e02' })
  actionPlanId!: string;
}
