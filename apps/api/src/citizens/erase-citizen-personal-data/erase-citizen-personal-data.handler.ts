import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { citizenDecider, citizenStreamId, EraseCitizenPersonalData } from '@hf/domain';
import { ExpectedVersion, loadState, PostgresEventStore, toNewEvents } from '@hf/event-store';
import { inTransaction, PersonalDataVault, PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { forgetStoredResponsesNaming } from '../../http/idempotency.interceptor';
import { citizenNotFound } from '../../shared/citizen-exists';
import { CLOCK, Clock } from '../../shared/clock';
import { envelopeFor } from '../../shared/command-context';
import { DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { domainCodec } from '../../shared/domain-codec';
import { EraseCitizenPersonalDataCommand } from './erase-citizen-personal-data.command';

/**
 * Crypto-shredding. Not the generic DecideHandler: the event that records the erasure, the deletion of the
 * citizen's data key and CPR look-up rows, and the forgetting of stored responses that name the citizen commit in
 * ONE transaction. So there is never an erasure on record whose key still exists, nor a shredded key without its
 * event: when the append fails (a concurrent write moved the stream on), nothing is deleted, and when a deletion
 * fails, the event is not appended. That needs the PostgreSQL adapter (the keys live in the same database); an
 * EventStoreDB adapter would need an outbox here instead.
 */
@CommandHandler(EraseCitizenPersonalDataCommand)
export class EraseCitizenPersonalDataHandler implements ICommandHandler<
  EraseCitizenPersonalDataCommand,
  DecideResult
> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenId, dto, ctx }: EraseCitizenPersonalDataCommand): Promise<DecideResult> {
    const now = this.clock.now();
    // Only a social authority the citizen is tied to may erase (404 for any other, as for an unknown id).
    await this.access.authorizeRead(
      {
        principal: ctx.principal,
        citizenId,
        action: 'erasure',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      },
      now,
    );
    const streamId = citizenStreamId(citizenId);
    const { state, version } = await loadState(this.store, domainCodec, streamId, citizenDecider);
    if (!state.registered) throw citizenNotFound();
    const command: EraseCitizenPersonalData = {
      type: 'EraseCitizenPersonalData',
      citizenId,
      occurredAt: occurredAt(dto, now),
      reason: dto.reason,
    };
    const events = citizenDecider.decide(command, state, now);
    const newEvents = toNewEvents(domainCodec, events, envelopeFor(ctx, now));
    await inTransaction(this.pool, async (tx) => {
      // The expected version is the one the decision rested on: a write in between makes this a 409.
      await this.store.appendWithin(tx, streamId, newEvents, ExpectedVersion.fromVersion(version));
      await this.vault.shred(tx, citizenId);
      await forgetStoredResponsesNaming(tx, citizenId);
    });
    return { recorded: events.map((e) => e.type) };
  }
}
