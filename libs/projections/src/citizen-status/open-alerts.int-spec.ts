import type { PoolClient } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { readOpenAlerts } from './open-alerts';

const CITIZEN = '0195b2d0-7e4f-7e9f-8a2b-0000000000c1';

/**
 * The summary must not depend on the alert inbox's migration, so it finds out whether the inbox is there; that
 * answer is remembered per connection once the inbox was found, and a missing inbox is asked for again.
 */
describe('readOpenAlerts', () => {
  let db: TestDatabase;
  let client: PoolClient;
  /** the statements readOpenAlerts sent on the client, in order */
  let sent: string[];
  let counted: Pick<PoolClient, 'query'>;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = await db.pool.connect();
    // The migrated inbox is set aside; each test makes the stand-in it needs.
    await client.query('DROP TABLE alerts_inbox');
  });
  afterAll(async () => {
    client.release();
    await db.drop();
  });
  beforeEach(() => {
    sent = [];
    // A new wrapper per test: the remembered answer is per connection object, so tests do not share it.
    counted = {
      query: ((text: string, values?: unknown[]) => {
        sent.push(text);
        return client.query(text, values);
      }) as PoolClient['query'],
    };
  });
  afterEach(async () => {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.query('DROP TABLE IF EXISTS alerts_inbox');
  });

  const makeInbox = async () => {
    await client.query(
      `CREATE TABLE alerts_inbox (alert_id uuid PRIMARY KEY, citizen_id uuid NOT NULL, rule_id text, status text)`,
    );
    await client.query(
      `INSERT INTO alerts_inbox VALUES ('0195b2d0-7e4f-7e9f-8a2b-000000000001', $1, 'A2', 'open')`,
      [CITIZEN],
    );
  };
  const catalogLookups = () => sent.filter((q) => q.includes('information_schema')).length;

  it('asks the catalog once the inbox is found, not on every read', async () => {
    await makeInbox();
    expect(await readOpenAlerts(counted, [CITIZEN])).toHaveLength(1);
    expect(await readOpenAlerts(counted, [CITIZEN])).toHaveLength(1);
    expect(await readOpenAlerts(counted, [CITIZEN])).toHaveLength(1);
    expect(catalogLookups()).toBe(1);
    expect(sent).toHaveLength(4);
  });

  it('notices an inbox made after a read found none', async () => {
    expect(await readOpenAlerts(counted, [CITIZEN])).toEqual([]);
    await makeInbox();
    expect(await readOpenAlerts(counted, [CITIZEN])).toEqual([
      expect.objectContaining({
        alertId: '0195b2d0-7e4f-7e9f-8a2b-000000000001',
        rule: 'A2',
        status: 'open',
      }),
    ]);
    expect(catalogLookups()).toBe(2);
  });

  it('answers [] once when a found inbox goes away, and looks again on the next read', async () => {
    await makeInbox();
    expect(await readOpenAlerts(counted, [CITIZEN])).toHaveLength(1);
    await client.query('DROP TABLE alerts_inbox');
    expect(await readOpenAlerts(counted, [CITIZEN])).toEqual([]);
    expect(await readOpenAlerts(counted, [CITIZEN])).toEqual([]);
    await makeInbox();
    expect(await readOpenAlerts(counted, [CITIZEN])).toHaveLength(1);
    // found, then (after the failed read) missing, missing, found again
    expect(catalogLookups()).toBe(3);
  });

  it('in a transaction, a gone inbox answers [] and the next transaction looks again', async () => {
    await makeInbox();
    expect(await readOpenAlerts(counted, [CITIZEN])).toHaveLength(1);
    await client.query('DROP TABLE alerts_inbox');
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    expect(await readOpenAlerts(counted, [CITIZEN])).toEqual([]);
    // The failed read aborted the transaction: why a snapshot reads the alerts last.
    expect(client.getTransactionStatus()).toBe('E');
    await client.query('COMMIT');
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    expect(await readOpenAlerts(counted, [CITIZEN])).toEqual([]);
    expect(client.getTransactionStatus()).toBe('T');
    await client.query('COMMIT');
  });
});
