import { ApiProperty } from '@nestjs/swagger';

/** Every field is derived from the message, so a repeated message gets exactly the same answer. */
export class HospitalNotificationResponse {
  @ApiProperty({ example: 'b9b4818e-02de-4cc4-b418-d20cbc7b5404', description: 'MessageHeader.id' })
  messageId!: string;

  @ApiProperty({ example: 'STIN', description: 'MedCom code read from Provenance.activity' })
  medcomCode!: string;

  @ApiProperty({ example: '0193a4c2-7f1e-7b8a-9c3d-5e6f7a8b9c0d' })
  citizenId!: string;

  @ApiProperty({
    example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e0f',
    description: 'The admission the notice belongs to',
  })
  admissionId!: string;
}
