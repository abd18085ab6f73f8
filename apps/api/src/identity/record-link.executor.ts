import { Inject, Injectable } from '@nestjs/common';
import { recordLinkDecider, recordLinkStreamId, RecordLinkCommand } from '@hf/domain';
import { EVENT_STORE, EventStore, executeOnStream } from '@hf/event-store';
import { RequestContext } from '../http/request-context';
import { loadWritableCitizen } from '../shared/citizen-exists';
import { CLOCK, Clock } from '../shared/clock';
import { envelopeFor } from '../shared/command-context';
import { domainCodec } from '../shared/domain-codec';

/** Links and unlinks act on the pair's own stream, so they bypass the per-citizen DecideHandler. */
@Injectable()
export class RecordLinkExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    build: (now: Date) => RecordLinkCommand,
    ctx: RequestContext,
  ): Promise<{ recorded: string[] }> {
    const now = this.clock.now();
    const command = build(now);
    // Neither record may be erased: a new link would tie an erased record's history to an identified one (and
    // its free-text reason could not be redacted by an erasure that came before it).
    await loadWritableCitizen(this.store, command.citizenId);
    await loadWritableCitizen(this.store, command.linkedCitizenId);
    const { events } = await executeOnStream(
      this.store,
      domainCodec,
      recordLinkStreamId(command.citizenId, command.linkedCitizenId),
      recordLinkDecider,
      command,
      envelopeFor(ctx, now),
    );
    return { recorded: events.map((e) => e.type) };
  }
}
