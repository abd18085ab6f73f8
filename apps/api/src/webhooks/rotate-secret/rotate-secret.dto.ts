import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateSecretDto {
  @ApiPropertyOptional({
    description:
      'How long the previous secret keeps signing next to the new one (0 = stop at once; at most 24)',
    example: 24,
    default: 24,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  graceHours?: number;
}
