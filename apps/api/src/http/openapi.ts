import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** Schema of RFC 9457 problem+json responses, for the OpenAPI document. */
export class ProblemDetailsSchema {
  @ApiProperty({ example: '/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiPropertyOptional({ example: '/handlekommune: must be a Danish municipality code' }) detail?: string;
  @ApiPropertyOptional({ example: '/citizens' }) instance?: string;
  @ApiPropertyOptional({ example: 'b3c1f7d2-1f0e-4c1e-9b7a-2a9f0e7c6d11' }) requestId?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: the body, a parameter or a header failed validation (problem+json naming each field)',
  404: 'Not found',
  409: 'Conflict with the recorded history (the problem names the rule)',
  413: 'Request body too large',
  415: 'Content type is not application/json',
  422: 'A domain rule refused the command, or an Idempotency-Key was reused for another request',
};

export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsSchema' } },
        },
      }),
    ),
  );
}
