import { ApiProperty } from '@nestjs/swagger';

export class BenefitsRecordedResponse {
  @ApiProperty({
    description: 'Types of the events recorded, in order',
    example: ['DepositApplicationDecided'],
  })
  recorded!: string[];
}

export class DepositApplicationIdResponse extends BenefitsRecordedResponse {
  @ApiProperty({ example: '0195b3e1-6a2f-7c41-9d0e-2f4a6b8c0d1e' })
  applicationId!: string;
}

export class DocumentationRequestIdResponse extends BenefitsRecordedResponse {
  @ApiProperty({ example: '0195b3e4-1c7d-7a22-8b3f-5e6a7b8c9d0f' })
  requestId!: string;
}

export class EconomyAdministrationIdResponse extends BenefitsRecordedResponse {
  @ApiProperty({ example: '0195b3f0-2d8e-7b33-9c4a-6f7b8c9d0e1a' })
  agreementId!: string;
}
