import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainEvent } from '@hf/domain';
import { alertDecider, alertStreamId, type AlertEvent } from '@hf/domain/alerts';
import { EVENT_STORE, EventCodec, EventStore, executeOnStream } from '@hf/event-store';
import { CLOCK, Clock } from '../../shared/clock';
import { envelopeFor } from '../../shared/command-context';
import { domainCodec } from '../../shared/domain-codec';
import { DecideAlertCommand } from './decide-alert.command';

/**
 * Loads the alert's stream, decides with the alert decider and appends with the expected version: a concurrent
 * change (the engine resolving the alert at the same moment) is a 409, never a lost update. An unknown alert id is
 * the decider's 404.
 */
@CommandHandler(DecideAlertCommand)
export class DecideAlertHandler implements ICommandHandler<DecideAlertCommand, { recorded: string[] }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ alertId, build, ctx }: DecideAlertCommand): Promise<{ recorded: string[] }> {
    const now = this.clock.now();
    const { events } = await executeOnStream(
      this.store,
      domainCodec as EventCodec<DomainEvent> as unknown as EventCodec<AlertEvent>,
      alertStreamId(alertId),
      alertDecider,
      build(now),
      envelopeFor(ctx, now),
    );
    return { recorded: events.map((e) => e.type) };
  }
}
