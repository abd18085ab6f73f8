import { AccessPolicy } from '@hf/access';
import { randomUUID } from 'node:crypto';
import { citizenStreamId, DomainError } from '@hf/domain';
import { ConcurrencyError, EventStore, ExpectedVersion, PostgresEventStore } from '@hf/event-store';
import { loadConfig, PersonalDataVault } from '@hf/platform';
import type { PoolClient } from 'pg';
import { portOnly } from '../../../../../test/support/port-only-store';
import { createTestDatabase, TestDatabase } from '../../../../../test/support/test-database';
import { idSource, RequestContext } from '../../http/request-context';
import { EraseCitizenPersonalDataCommand } from './erase-citizen-personal-data.command';
import { EraseCitizenPersonalDataHandler } from './erase-citizen-personal-data.handler';

const NOW = new Date('2026-03-02T10:00:00Z');
const CPR = '2411661234';

const ctx = (): RequestContext => ({
  requestId: randomUUID(),
  principal: {
    id: 'caseworker-7',
    kind: 'person',
    unit: 'unit-myndighed-kobenhavn',
    unitType: 'social-authority',
    municipality: '101',
  },
  purpose: 'case-work',
  newId: idSource(),
});

/**
 * The erasure's all-or-nothing: the event, the key and CPR look-up deletion and the forgetting of stored
 * responses commit together. Failures are injected where a real one would strike: a concurrent write between
 * the decision and the append, and a failing deletion after the append.
 */
describe('erasing a citizen: one transaction', () => {
  let db: TestDatabase;
  let vault: PersonalDataVault;
  const config = loadConfig({});

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 8 });
    vault = new PersonalDataVault(db.pool, config.masterKey, config.cprLookupKey);
  });
  afterAll(() => db.drop());

  /** A registered citizen with a key, a CPR look-up row and a stored registration response naming them. */
  async function registered(): Promise<string> {
    const citizenId = randomUUID();
    await vault.ensureKey(citizenId);
    // A CPR number of one's own per citizen: the look-up is unique by CPR.
    const cpr = `${CPR.slice(0, 6)}${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    await vault.claimCpr(cpr, citizenId);
    await new PostgresEventStore(db.pool).append(
      citizenStreamId(citizenId),
      [
        {
          id: randomUUID(),
          type: 'CitizenRegistered',
          schemaVersion: 1,
          data: {
            citizenId,
            occurredAt: '2026-03-01T09:00:00.000Z',
            handlekommune: '101',
            hasCpr: true,
            sealedPersonalData: await vault.seal(citizenId, { cpr, name: 'Test Testesen' }),
          },
          metadata: { correlationId: 'setup' },
          occurredAt: new Date('2026-03-01T09:00:00.000Z'),
        },
      ],
      ExpectedVersion.noStream,
    );
    await db.pool.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, response, completed_at)
       VALUES ('anonymous|POST /citizens', $1, 'hash', 201, $2, now())`,
      [randomUUID(), JSON.stringify({ body: { citizenId }, location: `/citizens/${citizenId}` })],
    );
    return citizenId;
  }

  async function rowsOf(citizenId: string) {
    const { rows } = await db.pool.query<{
      keys: number;
      lookups: number;
      responses: number;
      erased: number;
    }>(
      `SELECT (SELECT count(*)::int FROM citizen_keys WHERE citizen_id = $1) AS keys,
              (SELECT count(*)::int FROM citizen_cpr_lookup WHERE citizen_id = $1) AS lookups,
              (SELECT count(*)::int FROM idempotency_keys WHERE response -> 'body' ->> 'citizenId' = $1::text)
                AS responses,
              (SELECT count(*)::int FROM events
                WHERE stream_id = $2 AND type = 'CitizenPersonalDataErased') AS erased`,
      [citizenId, citizenStreamId(citizenId)],
    );
    return rows[0];
  }

  const handler = (store: EventStore, v: PersonalDataVault = vault) =>
    new EraseCitizenPersonalDataHandler(
      db.pool,
      store,
      v,
      { now: () => NOW },
      new AccessPolicy(db.pool, new PostgresEventStore(db.pool)),
    );
  const erase = (citizenId: string) =>
    new EraseCitizenPersonalDataCommand(citizenId, { reason: 'gdpr-art-17-request' }, ctx());

  it('appends the erasure and deletes the key, the CPR look-up and the stored responses naming the citizen', async () => {
    const citizenId = await registered();
    const bystander = await registered();
    expect(await rowsOf(citizenId)).toEqual({ keys: 1, lookups: 1, responses: 1, erased: 0 });

    const result = await handler(new PostgresEventStore(db.pool)).execute(erase(citizenId));

    expect(result).toEqual({ recorded: ['CitizenPersonalDataErased'] });
    expect(await rowsOf(citizenId)).toEqual({ keys: 0, lookups: 0, responses: 0, erased: 1 });
    expect(await rowsOf(bystander)).toEqual({ keys: 1, lookups: 1, responses: 1, erased: 0 });
    const [event] = (await new PostgresEventStore(db.pool).readStream(citizenStreamId(citizenId), 2)).map(
      (e) => ({ data: e.data, metadata: e.metadata }),
    );
    expect(event).toEqual({
      data: {
        citizenId,
        occurredAt: NOW.toISOString(),
        reason: 'gdpr-art-17-request',
        legalBasis: 'GDPR art. 17',
      },
      metadata: expect.objectContaining({ legalBasis: 'GDPR art. 17', principal: 'caseworker-7' }),
    });
  });

  it('deletes nothing when the append fails because the stream moved on after the decision', async () => {
    const citizenId = await registered();
    /** Another request records a fact between this one's read of the stream and its append. */
    class RacedStore extends PostgresEventStore {
      override async readStream(streamId: string, fromVersion?: number) {
        const read = await super.readStream(streamId, fromVersion);
        await super.append(
          streamId,
          [
            {
              id: randomUUID(),
              type: 'HomelessnessSituationRecorded',
              schemaVersion: 1,
              data: { citizenId, occurredAt: '2026-03-02T09:00:00.000Z', situation: 'street' },
              metadata: { correlationId: 'concurrent' },
              occurredAt: new Date('2026-03-02T09:00:00.000Z'),
            },
          ],
          ExpectedVersion.any,
        );
        return read;
      }
    }

    await expect(handler(new RacedStore(db.pool)).execute(erase(citizenId))).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(await rowsOf(citizenId)).toEqual({ keys: 1, lookups: 1, responses: 1, erased: 0 });
    expect(await vault.open(citizenId, await sealedOf(citizenId))).toMatchObject({ name: 'Test Testesen' });
  });

  it('appends nothing when a deletion fails after the append', async () => {
    const citizenId = await registered();
    class FailingVault extends PersonalDataVault {
      override async shred(tx: PoolClient, id: string): Promise<{ keys: number; cprLookups: number }> {
        await super.shred(tx, id);
        throw new Error('the disk is full');
      }
    }
    const failing = new FailingVault(db.pool, config.masterKey, config.cprLookupKey);

    await expect(handler(new PostgresEventStore(db.pool), failing).execute(erase(citizenId))).rejects.toThrow(
      'the disk is full',
    );
    expect(await rowsOf(citizenId)).toEqual({ keys: 1, lookups: 1, responses: 1, erased: 0 });
  });

  it('leaves the sealed registration unreadable once the key is gone', async () => {
    const citizenId = await registered();
    const sealed = await sealedOf(citizenId);
    expect(await vault.open(citizenId, sealed)).toMatchObject({ name: 'Test Testesen' });
    await handler(new PostgresEventStore(db.pool)).execute(erase(citizenId));
    expect(await vault.open(citizenId, sealed)).toBeNull();
  });

  /**
   * A store that cannot join the PostgreSQL transaction (EventStoreDB/KurrentDB): the PostgreSQL adapter seen only
   * through the port, so the handler takes the ordered path (append, then delete).
   */
  describe('with an event store outside the PostgreSQL transaction', () => {
    class FailingVault extends PersonalDataVault {
      override async shred(tx: PoolClient, id: string): Promise<{ keys: number; cprLookups: number }> {
        await super.shred(tx, id);
        throw new Error('the process died here');
      }
    }
    const external = () => portOnly(new PostgresEventStore(db.pool));

    it('appends the erasure, then deletes the key, the CPR look-up and the stored responses', async () => {
      const citizenId = await registered();
      const result = await handler(external()).execute(erase(citizenId));
      expect(result).toEqual({ recorded: ['CitizenPersonalDataErased'] });
      expect(await rowsOf(citizenId)).toEqual({ keys: 0, lookups: 0, responses: 0, erased: 1 });
    });

    it('finishes the deletions on the retry after a crash between the append and them, then refuses more', async () => {
      const citizenId = await registered();
      const sealed = await sealedOf(citizenId);
      const crashing = new FailingVault(db.pool, config.masterKey, config.cprLookupKey);
      await expect(handler(external(), crashing).execute(erase(citizenId))).rejects.toThrow(
        'the process died here',
      );
      // The log says erased, the key is still there: the state a retry must repair.
      expect(await rowsOf(citizenId)).toEqual({ keys: 1, lookups: 1, responses: 1, erased: 1 });

      const retried = await handler(external()).execute(erase(citizenId));

      expect(retried).toEqual({ recorded: ['CitizenPersonalDataErased'] });
      expect(await rowsOf(citizenId)).toEqual({ keys: 0, lookups: 0, responses: 0, erased: 1 });
      expect(await vault.open(citizenId, sealed)).toBeNull();
      const third = handler(external()).execute(erase(citizenId));
      await expect(third).rejects.toBeInstanceOf(DomainError);
      await expect(third).rejects.toMatchObject({ code: 'personal-data-already-erased' });
      expect(await rowsOf(citizenId)).toEqual({ keys: 0, lookups: 0, responses: 0, erased: 1 });
    });

    it('deletes nothing when the append fails because the stream moved on after the decision', async () => {
      const citizenId = await registered();
      const inner = new PostgresEventStore(db.pool);
      const raced: EventStore = {
        ...external(),
        readStream: async (streamId, fromVersion) => {
          const read = await inner.readStream(streamId, fromVersion);
          await inner.append(
            streamId,
            [
              {
                id: randomUUID(),
                type: 'HomelessnessSituationRecorded',
                schemaVersion: 1,
                data: { citizenId, occurredAt: '2026-03-02T09:00:00.000Z', situation: 'street' },
                metadata: { correlationId: 'concurrent' },
                occurredAt: new Date('2026-03-02T09:00:00.000Z'),
              },
            ],
            ExpectedVersion.any,
          );
          return read;
        },
      };
      await expect(handler(raced).execute(erase(citizenId))).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await rowsOf(citizenId)).toEqual({ keys: 1, lookups: 1, responses: 1, erased: 0 });
    });
  });

  async function sealedOf(citizenId: string): Promise<string> {
    const { rows } = await db.pool.query<{ sealed: string }>(
      `SELECT data ->> 'sealedPersonalData' AS sealed FROM events WHERE stream_id = $1 AND stream_version = 1`,
      [citizenStreamId(citizenId)],
    );
    return rows[0].sealed;
  }
});
