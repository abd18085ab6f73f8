import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { citizenDecider, citizenStreamId, EraseCitizenPersonalData } from '@hf/domain';
import {
  EVENT_STORE,
  EventStore,
  ExpectedVersion,
  loadState,
  toNewEvents,
  transactionalAppendOf,
} from '@hf/event-store';
import { inTransaction, PersonalDataVault, PG_POOL } from '@hf/platform';
import type { Pool, PoolClient } from 'pg';
import { forgetStoredResponsesNaming } from '../../http/idempotency.interceptor';
import { citizenNotFound } from '../../shared/citizen-exists';
import { CLOCK, Clock } from '../../shared/clock';
import { envelopeFor } from '../../shared/command-context';
import { DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { domainCodec } from '../../shared/domain-codec';
import { EraseCitizenPersonalDataCommand } from './erase-citizen-personal-data.command';

/**
 * Crypto-shredding: the event that records the erasure, the deletion of the citizen's data key and CPR look-up
 * rows, and the forgetting of stored responses that name the citizen.
 *
 * When the event store can append inside a PostgreSQL transaction (the PostgreSQL adapter), all of it commits in
 * ONE transaction: when the append fails (a concurrent write moved the stream on) nothing is deleted, and when a
 * deletion fails the event is not appended.
 *
 * When it cannot (EventStoreDB/KurrentDB), the event is appended first and the deletions committed after. When the
 * append fails, nothing is deleted. A crash between the two leaves an erasure on record with the key still there:
 * the next erasure request for the citizen then finishes the deletions instead of answering "already erased" (and
 * answers as the first would have), so a retry always ends with the key gone.
 */
@CommandHandler(EraseCitizenPersonalDataCommand)
export class EraseCitizenPersonalDataHandler implements ICommandHandler<
  EraseCitizenPersonalDataCommand,
  DecideResult
> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
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
    if (state.personalDataErasedAt !== null && (await this.finishPendingDeletion(citizenId))) {
      return { recorded: ['CitizenPersonalDataErased'] };
    }
    const command: EraseCitizenPersonalData = {
      type: 'EraseCitizenPersonalData',
      citizenId,
      occurredAt: occurredAt(dto, now),
      reason: dto.reason,
    };
    const events = citizenDecider.decide(command, state, now);
    const newEvents = toNewEvents(domainCodec, events, envelopeFor(ctx, now));
    // The expected version is the one the decision rested on: a write in between makes this a 409.
    const expected = ExpectedVersion.fromVersion(version);
    const transactional = transactionalAppendOf(this.store);
    if (transactional) {
      await inTransaction(this.pool, async (tx) => {
        await transactional.appendWithin(tx, streamId, newEvents, expected);
        await this.deletePersonalData(tx, citizenId);
      });
    } else {
      await this.store.append(streamId, newEvents, expected);
      await inTransaction(this.pool, (tx) => this.deletePersonalData(tx, citizenId));
    }
    return { recorded: events.map((e) => e.type) };
  }

  /**
   * The log says erased: deletes what an interrupted erasure left (true), or nothing, when the key and CPR
   * look-up are already gone (false: this is a second erasure, which the decider refuses).
   */
  private finishPendingDeletion(citizenId: string): Promise<boolean> {
    return inTransaction(this.pool, async (tx) => {
      const shredded = await this.vault.shred(tx, citizenId);
      if (shredded.keys + shredded.cprLookups === 0) return false;
      await forgetStoredResponsesNaming(tx, citizenId);
      return true;
    });
  }

  private async deletePersonalData(tx: PoolClient, citizenId: string): Promise<void> {
    await this.vault.shred(tx, citizenId);
    await forgetStoredResponsesNaming(tx, citizenId);
  }
}
