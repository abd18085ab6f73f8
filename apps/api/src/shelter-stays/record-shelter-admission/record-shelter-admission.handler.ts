import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { shelterStayDecider, shelterStaysStreamId } from '@hf/domain';
import { EVENT_STORE, EventStore } from '@hf/event-store';
import { executeForCitizen } from '../../shared/citizen-exists';
import { CLOCK, Clock } from '../../shared/clock';
import { envelopeFor } from '../../shared/command-context';
import { RecordShelterAdmissionCommand } from './record-shelter-admission.command';

@CommandHandler(RecordShelterAdmissionCommand)
export class RecordShelterAdmissionHandler implements ICommandHandler<
  RecordShelterAdmissionCommand,
  { stayId: string }
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ citizenId, dto, ctx }: RecordShelterAdmissionCommand): Promise<{ stayId: string }> {
    const now = this.clock.now();
    const stayId = ctx.newId();
    await executeForCitizen(
      this.store,
      citizenId,
      shelterStaysStreamId(citizenId),
      shelterStayDecider,
      (citizen) => ({
        type: 'RecordShelterAdmission' as const,
        citizenId,
        stayId,
        occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : now,
        shelterId: dto.shelterId,
        shelterName: dto.shelterName,
        municipalityOfStay: dto.municipalityOfStay,
        handlekommune: dto.handlekommune ?? citizen.handlekommune,
        referral: dto.referral,
        homeSituation: dto.homeSituation ?? 'no-home',
      }),
      envelopeFor(ctx, now),
    );
    return { stayId };
  }
}
