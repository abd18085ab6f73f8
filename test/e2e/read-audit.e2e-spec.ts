import { postFact } from '../support/http-helpers';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * "Every read of citizen data left an audit entry" (issue 5): every GET about one citizen that the OpenAPI
 * document lists, and every read that returns citizens (search, bulk check, inbox, queue), adds a row to the
 * read audit log naming the reader, its unit, the citizen, what was read and the declared purpose; the log
 * cannot be changed afterwards.
 */
describe('read audit log', () => {
  let t: TestApp;
  let citizenId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ citizenId } = await postFact<{ citizenId: string }>(t, '/citizens', {
      cpr: '070761-4285',
      name: 'Jens Hansen',
      handlekommune: '101',
    }));
    const offer = await postFact<{ offerId: string }>(t, `/citizens/${citizenId}/housing/offers`, {
      dwelling: '1-værelses almen bolig, Valby',
      housingAssociation: 'fsb',
      monthlyRentKr: 4850,
      depositKr: 14550,
      leaseSigningDeadline: '2027-02-16',
      expectedMoveIn: '2027-02-11',
    });
    await postFact(t, `/citizens/${citizenId}/benefits/deposit-applications`, {
      kind: 'moving-expenses',
      amountKr: 14550,
      decidingMunicipality: '101',
      linkedOfferId: offer.offerId,
    });
    await eventually(
      () => t.request({ method: 'GET', url: '/benefits/fast-track-queue?municipality=101' }),
      (res) => res.json<{ items: unknown[] }>().items.length === 1,
    );
  });
  afterAll(() => t.close());

  const auditRows = async () =>
    (
      await t.db.pool.query<{ principal: string; unit: string; action: string; purpose: string }>(
        'SELECT principal, unit, action, purpose FROM read_audit_log WHERE citizen_id = $1 ORDER BY id',
        [citizenId],
      )
    ).rows;

  it('logs every read of the citizen, by every read endpoint, with who, unit, what and purpose', async () => {
    const doc = (await t.request({ method: 'GET', url: '/docs-json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const citizenGets = Object.entries(doc.paths)
      .filter(([path, ops]) => path.startsWith('/citizens/{citizenId}') && 'get' in ops)
      .map(([path]) => path.replace('{citizenId}', citizenId));
    expect(citizenGets.length).toBeGreaterThanOrEqual(5);
    const headers = { 'content-type': 'application/json', 'x-purpose': 'audit-test' };
    const reads = [
      ...citizenGets.map((url) => ({ method: 'GET' as const, url })),
      {
        method: 'POST' as const,
        url: '/citizens/search-by-cpr',
        payload: JSON.stringify({ cpr: '070761-4285' }),
      },
      {
        method: 'POST' as const,
        url: '/sanction-risk/bulk',
        payload: JSON.stringify({ citizenIds: [citizenId] }),
      },
      { method: 'GET' as const, url: '/benefits/fast-track-queue?municipality=101' },
    ];
    for (const read of reads) {
      const before = (await auditRows()).length;
      const res = await t.request({ ...read, headers });
      expect({ url: read.url, status: res.statusCode }).toEqual({ url: read.url, status: 200 });
      const added = (await auditRows()).slice(before);
      expect({ url: read.url, added: added.length }).toEqual({ url: read.url, added: 1 });
      expect(added[0]).toMatchObject({ unit: 'test-social-authority', purpose: 'audit-test' });
      expect(added[0]!.principal).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('refuses to change or remove an entry', async () => {
    await expect(t.db.pool.query('UPDATE read_audit_log SET purpose = $1', ['x'])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.pool.query('DELETE FROM read_audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.pool.query('TRUNCATE read_audit_log')).rejects.toThrow(/append-only/);
  });
});
