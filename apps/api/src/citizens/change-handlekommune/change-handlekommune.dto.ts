import { ApiProperty } from '@nestjs/swagger';
import { HANDLEKOMMUNE_CHANGE_REASONS, HandlekommuneChangeReason } from '@hf/domain';
import { IsIn } from 'class-validator';
import { IsMunicipalityCode } from '../../http/validators';
import { FactDto } from '../../shared/decide/fact.dto';

export class ChangeHandlekommuneDto extends FactDto {
  @ApiProperty({ description: 'The new handlekommune (kommunekode)', example: '147' })
  @IsMunicipalityCode()
  to!: string;

  @ApiProperty({
    enum: HANDLEKOMMUNE_CHANGE_REASONS,
    description:
      'Why (retssikkerhedsloven §9): the citizen moved, the municipalities agreed, Ankestyrelsen decided, ' +
      'or an earlier registration was wrong',
    example: 'moved',
  })
  @IsIn(HANDLEKOMMUNE_CHANGE_REASONS)
  reason!: HandlekommuneChangeReason;
}
