import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mayWrite } from '@hf/access';
import { processNamed } from '@hf/domain';
import { EVENT_STORE, EventStore, loadState } from '@hf/event-store';
import { forbidden } from '../../http/authentication.guard';
import { executeForCitizen } from '../citizen-exists';
import { CLOCK, Clock } from '../clock';
import { envelopeFor } from '../command-context';
import { domainCodec } from '../domain-codec';
import { DecideCommand, DecideResult } from './decide.command';

@CommandHandler(DecideCommand)
export class DecideHandler implements ICommandHandler<DecideCommand, DecideResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ process: name, citizenId, build, ctx }: DecideCommand): Promise<DecideResult> {
    const now = this.clock.now();
    const process = processNamed(name);
    const { events } = await executeForCitizen(
      this.store,
      citizenId,
      process.streamId(citizenId),
      process.decider,
      async (citizen) => {
        const command = await build({
          now,
          newId: ctx.newId,
          citizen: { citizenId, handlekommune: citizen.handlekommune, hasCpr: citizen.hasCpr },
          stateOf: async <State>(other: string) => {
            const definition = processNamed(other);
            return (
              await loadState(this.store, domainCodec, definition.streamId(citizenId), definition.decider)
            ).state as State;
          },
        });
        // Each unit records what its function does (WRITE_PERMISSIONS); nothing is appended otherwise.
        const commandType = (command as { type?: unknown }).type;
        if (
          !mayWrite(ctx.principal.unitType, name, typeof commandType === 'string' ? commandType : undefined)
        )
          throw forbidden();
        return command;
      },
      envelopeFor(ctx, now),
    );
    return { recorded: events.map((e) => e.type) };
  }
}
