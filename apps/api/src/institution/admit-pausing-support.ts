import { CommandBus } from '@nestjs/cqrs';
import type { InstitutionState, RecordHospitalAdmission } from '@hf/domain/institution/institution';
import { hasChapter16Support, SupportState } from '@hf/domain/support/support';
import type { RequestContext } from '../http/request-context';
import { BuildContext, DecideCommand, DecideResult } from '../shared/decide/decide.command';
import { coursesToPause, pauseReasonFor, pauseSupportCourses } from './support-coordination';

export function decideInstitution(
  commands: CommandBus,
  citizenId: string,
  ctx: RequestContext,
  build: (context: BuildContext) => Promise<unknown>,
): Promise<DecideResult> {
  return commands.execute<DecideCommand, DecideResult>(
    new DecideCommand('institution', citizenId, build, ctx),
  );
}

/**
 * Records a hospital admission and pauses the support courses running at that moment (Housing First: an
 * admission pauses support, it never ends it), for senders that are not the admission endpoint itself (MedCom
 * messages, discharge notices). On a repeat the admission is already on record: pause as of its recorded time.
 */
export async function admitPausingSupport(
  commands: CommandBus,
  admission: Omit<RecordHospitalAdmission, 'type' | 'hasChapter16Support'>,
  ctx: { admit: RequestContext; pause: RequestContext },
): Promise<DecideResult> {
  const { citizenId, admissionId } = admission;
  let admittedAt = admission.occurredAt;
  let toPause: string[] = [];
  const result = await decideInstitution(commands, citizenId, ctx.admit, async ({ stateOf }) => {
    const support = await stateOf<SupportState>('support');
    const earlier = (await stateOf<InstitutionState>('institution')).admissions[admissionId];
    if (earlier) admittedAt = new Date(earlier.admittedAt);
    toPause = coursesToPause(support, admittedAt);
    return {
      ...admission,
      type: 'RecordHospitalAdmission',
      hasChapter16Support: hasChapter16Support(support),
    } satisfies RecordHospitalAdmission;
  });
  await pauseSupportCourses(
    commands,
    citizenId,
    toPause,
    { reason: pauseReasonFor(admission.kind), institutionStayId: admissionId, occurredAt: admittedAt },
    ctx.pause,
  );
  return result;
}
