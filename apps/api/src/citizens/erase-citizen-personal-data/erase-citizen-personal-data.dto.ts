import { ApiProperty } from '@nestjs/swagger';
import { PERSONAL_DATA_ERASURE_REASONS, PersonalDataErasureReason } from '@hf/domain';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

/**
 * occurredAt is when the erasure was decided (defaults to now). There is no free-text field on purpose: whatever a
 * caseworker wrote here would stay in the log after the erasure.
 */
export class EraseCitizenPersonalDataDto extends FactDto {
  @ApiProperty({
    enum: PERSONAL_DATA_ERASURE_REASONS,
    description:
      'Why (GDPR art. 17): the citizen asked and art. 17(1) applies (gdpr-art-17-request), the retention period ' +
      'ran out (retention-expired), or the record should never have been made (registered-in-error). Check the ' +
      'duty to keep the case file (art. 17(3)(b), arkivloven) before erasing.',
    example: 'gdpr-art-17-request',
  })
  @IsIn(PERSONAL_DATA_ERASURE_REASONS)
  reason!: PersonalDataErasureReason;
}
