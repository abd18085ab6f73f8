import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChangeReadinessCategory } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EmploymentRecordedResponse } from '../employment.responses';
import { ChangeReadinessCategoryDto } from './change-readiness-category.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/readiness-category')
export class ChangeReadinessCategoryController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: "Record the citizen's readiness category (visitation)",
    description:
      'activity-ready citizens get the extended hearing before any sanction. 409 when the category is unchanged.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EmploymentRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  change(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: ChangeReadinessCategoryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'ChangeReadinessCategory',
            citizenId,
            occurredAt: occurredAt(dto, now),
            category: dto.category,
          }) satisfies ChangeReadinessCategory,
        ctx,
      ),
    );
  }
}
