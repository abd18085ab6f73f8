import { ApiProperty } from '@nestjs/swagger';

export class EmploymentRecordedResponse {
  @ApiProperty({ description: 'Types of the events recorded, in order', example: ['SanctionImposed'] })
  recorded!: string[];
}

export class SanctionWarningIdResponse extends EmploymentRecordedResponse {
  @ApiProperty({ example: '0195b401-3e9f-7c44-8d5b-7a8b9c0d1e2f' })
  warningId!: string;
}
