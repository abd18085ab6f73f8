import { specFor } from '../testing/given-when-then';
import {
  CitizenRecordsLinked,
  CitizenRecordsUnlinked,
  LinkCitizenRecords,
  recordLinkDecider,
  recordLinkStreamId,
  UnlinkCitizenRecords,
} from './record-links';

const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';
const at = new Date('2026-02-27T09:00:00Z');

const link = (overrides: Partial<LinkCitizenRecords> = {}): LinkCitizenRecords => ({
  type: 'LinkCitizenRecords',
  citizenId: a,
  linkedCitizenId: b,
  occurredAt: at,
  method: 'manual',
  reason: 'Same alias and birth date; confirmed by shelter staff',
  ...overrides,
});
const unlink = (overrides: Partial<UnlinkCitizenRecords> = {}): UnlinkCitizenRecords => ({
  type: 'UnlinkCitizenRecords',
  citizenId: a,
  linkedCitizenId: b,
  occurredAt: at,
  reason: 'Different persons with the same alias',
  ...overrides,
});
const linked = (method: 'manual' | 'automatic' = 'manual'): CitizenRecordsLinked => ({
  type: 'CitizenRecordsLinked',
  data: { citizenId: a, linkedCitizenId: b, occurredAt: at.toISOString(), method, reason: link().reason },
});
const unlinked = (): CitizenRecordsUnlinked => ({
  type: 'CitizenRecordsUnlinked',
  data: { citizenId: a, linkedCitizenId: b, occurredAt: at.toISOString(), reason: unlink().reason },
});

const spec = specFor(recordLinkDecider);

describe('record links', () => {
  it('uses one stream per pair, whichever record comes first', () => {
    expect(recordLinkStreamId(a, b)).toBe(recordLinkStreamId(b, a));
  });

  it('links two records', () => {
    spec([]).when(link()).then([linked()]);
  });

  it('refuses to link a record to itself', () => {
    spec([])
      .when(link({ linkedCitizenId: a }))
      .thenThrows('cannot-link-record-to-itself', 'rule-violation');
  });

  it('refuses a second link of a linked pair', () => {
    spec([linked()]).when(link()).thenThrows('records-already-linked', 'conflict');
  });

  it('unlinks a linked pair', () => {
    spec([linked()]).when(unlink()).then([unlinked()]);
  });

  it('refuses to unlink a pair that is not linked', () => {
    spec([]).when(unlink()).thenThrows('records-not-linked', 'conflict');
    spec([linked(), unlinked()]).when(unlink()).thenThrows('records-not-linked', 'conflict');
  });

  it('never links an unlinked pair again automatically', () => {
    spec([linked('automatic'), unlinked()])
      .when(link({ method: 'automatic' }))
      .thenThrows('unlinked-pair-not-relinked-automatically', 'conflict');
  });

  it('lets a caseworker link an unlinked pair again by hand', () => {
    spec([linked('automatic'), unlinked()])
      .when(link())
      .then([linked()]);
  });

  it('refuses a link reported in the future', () => {
    spec([])
      .when(link({ occurredAt: new Date('2026-03-05T00:00:00Z') }))
      .thenThrows('occurred-in-future');
  });
});
