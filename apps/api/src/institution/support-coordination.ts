import { CommandBus } from '@nestjs/cqrs';
import type { HospitalAdmissionKind } from '@hf/domain/institution/institution';
import {
  activeSupportCourses,
  PauseSupport,
  ResumeSupport,
  supportCoursesPausedFor,
  SupportPauseReason,
  SupportState,
} from '@hf/domain/support/support';
import { idSource, RequestContext } from '../http/request-context';
import { DecideCommand, DecideResult } from '../shared/decide/decide.command';

/**
 * Housing First: an admission or a prison intake PAUSES support and never ends it; the discharge or release
 * resumes what it paused (DOMAIN.md §5, alert A11).
 *
 * The institution fact and the support pauses live in two streams, so this is two (or more) appends and NOT
 * atomic. It is safe because every step can simply run again:
 * - the admission/stay id (and a discharge's or release's own id) comes from the Idempotency-Key when one is
 *   sent, and the institution decider treats an id it has already recorded as a replay that records nothing;
 * - the courses to pause are read from the support state each time: a retry finds the courses it already
 *   paused no longer active, and PauseSupport of a paused course is a no-op anyway (likewise a resumed course
 *   is no longer paused, so it is not resumed twice);
 * - each pause/resume gets event ids of its own, derived from (institution stay, action, course), so an event
 *   id never shifts to another event when a retry skips a step (the store would otherwise take a different
 *   event with a known id for a replay and drop it).
 * If a request dies between the appends, support lags one step behind until the retry (still running after an
 * admission, still paused after a discharge); it never runs ahead: no pause is recorded without its admission.
 */
export function pauseReasonFor(kind: HospitalAdmissionKind): SupportPauseReason {
  return kind === 'psychiatric' ? 'psychiatric-admission' : 'hospital-admission';
}

/** Active courses that had started by the time the citizen was admitted (a course cannot pause before it starts). */
export function coursesToPause(support: SupportState, at: Date): string[] {
  return activeSupportCourses(support)
    .filter((course) => course.startedAt !== null && Date.parse(course.startedAt) <= at.getTime())
    .map((course) => course.supportId);
}

/** Courses paused for this admission or prison stay, paused no later than the discharge or release. */
export function coursesToResume(
  support: SupportState,
  institutionStayId: string,
  reason: SupportPauseReason,
  at: Date,
): string[] {
  return supportCoursesPausedFor(support, institutionStayId, reason)
    .filter((course) => course.pause !== null && Date.parse(course.pause.since) <= at.getTime())
    .map((course) => course.supportId);
}

export async function pauseSupportCourses(
  commands: CommandBus,
  citizenId: string,
  supportIds: readonly string[],
  pause: { reason: SupportPauseReason; institutionStayId: string; occurredAt: Date },
  ctx: RequestContext,
): Promise<string[]> {
  const recorded: string[] = [];
  for (const supportId of supportIds) {
    const result = await commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        () =>
          ({
            type: 'PauseSupport',
            citizenId,
            supportId,
            occurredAt: pause.occurredAt,
            reason: pause.reason,
            institutionStayId: pause.institutionStayId,
          }) satisfies PauseSupport,
        followUp(ctx, `pause|${pause.institutionStayId}|${supportId}`),
      ),
    );
    recorded.push(...result.recorded);
  }
  return recorded;
}

export async function resumeSupportCourses(
  commands: CommandBus,
  citizenId: string,
  supportIds: readonly string[],
  resume: { institutionStayId: string; occurredAt: Date },
  ctx: RequestContext,
): Promise<string[]> {
  const recorded: string[] = [];
  for (const supportId of supportIds) {
    const result = await commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        () =>
          ({
            type: 'ResumeSupport',
            citizenId,
            supportId,
            occurredAt: resume.occurredAt,
            institutionStayId: resume.institutionStayId,
          }) satisfies ResumeSupport,
        followUp(ctx, `resume|${resume.institutionStayId}|${supportId}`),
      ),
    );
    recorded.push(...result.recorded);
  }
  return recorded;
}

/**
 * The same request (correlation id, principal, source) with event ids of its own. The institution stay id in the
 * seed is itself derived from the Idempotency-Key (or random without one), so the ids are stable across retries
 * and unique otherwise.
 */
function followUp(ctx: RequestContext, seed: string): RequestContext {
  return { ...ctx, newId: idSource(`support-follow-up|${seed}`) };
}
