import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { BREAK_GLASS_MAX_MINUTES, BREAK_GLASS_REASON_MIN_LENGTH } from '@hf/domain';

export class GrantBreakGlassDto {
  @ApiProperty({
    description:
      'Why the whole record is needed now. Kept with the grant and shown to nobody but those who audit it.',
    example: 'Borgeren fundet bevidstløs på herberget; vi skal kende udskrivningsaftalen nu.',
  })
  @IsString()
  @Length(BREAK_GLASS_REASON_MIN_LENGTH, 1000)
  reason!: string;

  @ApiPropertyOptional({
    description: 'How long the grant lasts, in minutes (default and maximum 180)',
    example: 60,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(BREAK_GLASS_MAX_MINUTES)
  durationMinutes?: number;
}

export class BreakGlassGrantResponse {
  @ApiProperty({ example: ['BreakGlassAccessGranted'], type: [String] }) recorded!: string[];
  @ApiProperty({ example: '0195b2d0-4b1c-7e9f-8a2b-3c4d5e6f7a8b' }) grantId!: string;
  @ApiProperty({ example: '2026-03-02T12:00:00.000Z' }) expiresAt!: string;
}
