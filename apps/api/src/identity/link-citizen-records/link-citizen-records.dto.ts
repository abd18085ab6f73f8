import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LINK_METHODS, LinkMethod } from '@hf/domain';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class LinkCitizenRecordsDto extends FactDto {
  @ApiProperty({
    description: 'The other record of the same person',
    example: '0193a4c2-7f1e-7b8a-9c3d-5e6f7a8b9c0d',
  })
  @IsUUID()
  linkedCitizenId!: string;

  @ApiPropertyOptional({
    enum: LINK_METHODS,
    default: 'manual',
    description:
      'automatic is for matching systems; a pair a caseworker unlinked is never linked automatically again',
  })
  @IsOptional()
  @IsIn(LINK_METHODS)
  method?: LinkMethod;

  @ApiProperty({
    description: 'Why it is the same person. No CPR numbers or names here.',
    example: 'Registered without CPR at Mændenes Hjem; identified by the shelter contact at admission',
  })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
