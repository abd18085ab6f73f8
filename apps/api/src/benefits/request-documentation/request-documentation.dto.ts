import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENTATION_KINDS, DocumentationKind } from '@hf/domain/benefits/benefits';
import { IsDateString, IsIn, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RequestDocumentationDto extends FactDto {
  @ApiProperty({
    enum: DOCUMENTATION_KINDS,
    description: 'What is needed (a code, never free text)',
    example: 'lease-contract',
  })
  @IsIn(DOCUMENTATION_KINDS)
  what!: DocumentationKind;

  @ApiProperty({ description: 'Due date (YYYY-MM-DD)', example: '2026-03-03' })
  @IsDateString({ strict: true })
  @Length(10, 10)
  dueDate!: string;
}
