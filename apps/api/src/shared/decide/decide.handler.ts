import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mayWrite } from '@hf/access';
import { citizenStreamId, processNamed } from '@hf/domain';
import {
  decideAndAppend,
  EVENT_STORE,
  EventStore,
  foldStream,
  loadState,
  readStreams,
} from '@hf/event-store';
import { forbidden } from '../../http/authentication.guard';
import { writableCitizen } from '../citizen-exists';
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
    const streamId = process.streamId(citizenId);
    // the citizen's record (may anything be recorded?) and the process stream the command decides on, in one read
    const [citizenEvents, processEvents] = await readStreams(this.store, [
      citizenStreamId(citizenId),
      streamId,
    ]);
    const citizen = writableCitizen(citizenEvents!);
    const command = await build({
      now,
      newId: ctx.newId,
      citizen: {
        citizenId,
        handlekommune: citizen.handlekommune,
        hasCpr: citizen.hasCpr,
      },
      stateOf: async <State>(other: string) => {
        const definition = processNamed(other);
        return (await loadState(this.store, domainCodec, definition.streamId(citizenId), definition.decider))
          .state as State;
      },
    });
    // Each unit records what its function does (WRITE_PERMISSIONS); nothing is appended otherwise.
    const commandType = (command as { type?: unknown }).type;
    if (!mayWrite(ctx.principal.unitType, name, typeof commandType === 'string' ? commandType : undefined))
      throw forbidden();
    const { events } = await decideAndAppend(
      this.store,
      domainCodec,
      streamId,
      process.decider,
      command,
      envelopeFor(ctx, now),
      foldStream(domainCodec, process.decider, processEvents!),
    );
    return { recorded: events.map((e) => e.type) };
  }
}
