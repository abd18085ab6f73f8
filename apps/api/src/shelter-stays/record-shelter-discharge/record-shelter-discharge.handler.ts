import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { shelterStayDecider, shelterStaysStreamId } from '@hf/domain';
import { EVENT_STORE, EventStore } from '@hf/event-store';
import { executeForCitizen } from '../../shared/citizen-exists';
import { CLOCK, Clock } from '../../shared/clock';
import { envelopeFor } from '../../shared/command-context';
import { RecordShelterDischargeCommand } from './record-shelter-discharge.command';

@CommandHandler(RecordShelterDischargeCommand)
export class RecordShelterDischargeHandler implements ICommandHandler<
  RecordShelterDischargeCommand,
  { stayId: string }
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ citizenId, stayId, dto, ctx }: RecordShelterDischargeCommand): Promise<{ stayId: string }> {
    const now = this.clock.now();
    await executeForCitizen(
      this.store,
      citizenId,
      shelterStaysStreamId(citizenId),
      shelterStayDecider,
      () => ({
        type: 'RecordShelterDischarge' as const,
        citizenId,
        stayId,
        occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : now,
        destination: dto.destination,
        planned: dto.planned,
      }),
      envelopeFor(ctx, now),
    );
    return { stayId };
  }
}
