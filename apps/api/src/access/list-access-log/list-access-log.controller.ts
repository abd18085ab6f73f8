import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { AccessPolicy } from '@hf/access';
import { PG_POOL } from '@hf/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Pool } from 'pg';
import { ForUnitTypes } from '../../http/authentication.guard';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { CLOCK, Clock } from '../../shared/clock';

export class AccessLogParams {
  @ApiPropertyOptional({ description: 'Entries per page (1-500)', example: 100, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Entries older than this one (the `nextBefore` of the previous page)',
    example: 1200,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
}

export class AccessLogEntryResponse {
  @ApiProperty({ example: 1207 }) id!: number;
  @ApiProperty({ example: '2026-03-02T09:14:03.120Z' }) at!: string;
  @ApiProperty({ description: 'The principal (person or system) that read', example: '0195b2d0-…' })
  principalId!: string;
  @ApiProperty({ example: 'kk-jobcenter-kobenhavn' }) unitId!: string;
  @ApiProperty({ description: 'What was read', example: 'sanction-risk' }) action!: string;
  @ApiProperty({ description: 'The purpose the reader declared', example: 'sanction-hearing' })
  purpose!: string;
  @ApiProperty({ enum: ['allowed', 'not-visible'], example: 'allowed' }) outcome!: string;
  @ApiProperty({ description: 'Read under a break-glass grant', example: false }) breakGlass!: boolean;
}

export class AccessLogResponse {
  @ApiProperty({ example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({ type: [AccessLogEntryResponse] }) entries!: AccessLogEntryResponse[];
  @ApiProperty({ nullable: true, type: Number, example: null }) nextBefore!: number | null;
}

/**
 * GDPR art. 15 (with CJEU C-579/21): a citizen may learn who looked up their data, when and why. The social
 * authority answers such requests, so it may list the log of a citizen it serves; listing it is itself logged.
 */
@ApiTags('access')
@ForUnitTypes('social-authority')
@Controller('citizens/:citizenId/access-log')
export class ListAccessLogController {
  constructor(
    private readonly access: AccessPolicy,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Who read a citizen's data (GDPR art. 15 access log)",
    description:
      'Newest first, paged with `before`. Social-authority units only; the listing is itself logged.',
  })
  @ApiHeader({ name: 'X-Purpose', required: false, description: 'e.g. access-request' })
  @ApiOkResponse({ type: AccessLogResponse })
  @ApiProblems(400, 401, 403, 404)
  async list(
    @UuidParam('citizenId') citizenId: string,
    @Query() params: AccessLogParams,
    @Ctx() ctx: RequestContext,
  ): Promise<AccessLogResponse> {
    await this.access.authorizeRead(
      {
        principal: ctx.principal,
        citizenId,
        action: 'access-log',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      },
      this.clock.now(),
    );
    const limit = params.limit ?? 100;
    const { rows } = await this.pool.query<{
      id: string;
      at: Date;
      principal: string;
      unit: string;
      action: string;
      purpose: string;
      outcome: string;
      break_glass: boolean;
    }>(
      `SELECT id, at, principal, unit, action, purpose, outcome, break_glass FROM read_audit_log
        WHERE citizen_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [citizenId, params.before ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      citizenId,
      entries: page.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        principalId: r.principal,
        unitId: r.unit,
        action: r.action,
        purpose: r.purpose,
        outcome: r.outcome,
        breakGlass: r.break_glass,
      })),
      nextBefore: rows.length > limit ? Number(page[page.length - 1]!.id) : null,
    };
  }
}
