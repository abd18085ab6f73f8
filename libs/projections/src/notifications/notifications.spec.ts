import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { toCloudEvent } from './cloud-event';
import type { NotificationItem } from './item';
import { addressedTo } from './recipients';
import {
  generateSecret,
  openSecret,
  sealSecret,
  secretsValidAt,
  signatureHeader,
} from './subscription-secrets';

const item: NotificationItem = {
  item_id: '7',
  event_id: '0193a4c2-0000-7000-8000-000000000001',
  type: 'AlertRaised',
  citizen_id: '0193a4c2-0000-7000-8000-0000000000c1',
  alert_id: '0193a4c2-0000-7000-8000-0000000000a1',
  rule_id: 'A1',
  severity: 'high',
  category: 'health',
  recipients: [{ unitType: 'shelter', unitId: 'test-shelter' }],
  fact_event_ids: [],
  occurred_at: new Date('2026-03-02T10:00:00Z'),
  recorded_at: new Date('2026-03-02T10:00:01Z'),
};

describe('signing secrets', () => {
  it('seals and opens a secret bound to its subscription', () => {
    const key = randomBytes(32);
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_/);
    const sealed = sealSecret(key, secret, 'sub-1');
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret(key, sealed, 'sub-1')).toBe(secret);
    expect(() => openSecret(key, sealed, 'sub-2')).toThrow();
  });

  it('signs once per valid secret, each verifiable on its own by standardwebhooks', () => {
    const [a, b] = [generateSecret(), generateSecret()];
    const at = new Date();
    const header = signatureHeader([a, b], 'msg_1', at, '{"x":1}');
    expect(header.split(' ')).toHaveLength(2);
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': header,
    };
    for (const secret of [a, b]) expect(new Webhook(secret).verify('{"x":1}', headers)).toEqual({ x: 1 });
    expect(() => new Webhook(generateSecret()).verify('{"x":1}', headers)).toThrow();
  });

  it('drops a rotated-out secret after its grace period', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const stored = [
      { sealed: 'new', validUntil: null },
      { sealed: 'old', validUntil: '2026-03-03T10:00:00Z' },
      { sealed: 'older', validUntil: '2026-03-02T09:00:00Z' },
    ];
    expect(secretsValidAt(stored, now).map((s) => s.sealed)).toEqual(['new', 'old']);
  });
});

describe('the CloudEvent of an item', () => {
  it('is thin: ids, rule, severity and a link, the citizen id as subject', () => {
    const event = toCloudEvent(item, '/housing-first/test').toJSON();
    expect(event).toMatchObject({
      specversion: '1.0',
      id: item.event_id,
      source: '/housing-first/test',
      type: 'dk.housingfirst.alert.raised',
      subject: item.citizen_id,
      datacontenttype: 'application/json',
      time: '2026-03-02T10:00:00.000Z',
    });
    expect(event.data).toEqual({
      alertId: item.alert_id,
      ruleId: 'A1',
      severity: 'high',
      eventId: item.event_id,
      eventType: 'AlertRaised',
      links: { self: `/alerts?citizenId=${item.citizen_id}&status=all` },
    });
  });

  it('names a domain event by its kebab-cased type and links the timeline', () => {
    const event = toCloudEvent(
      { ...item, type: 'DischargePlanned', alert_id: null, rule_id: null, severity: null },
      '/housing-first/test',
    ).toJSON();
    expect(event.type).toBe('dk.housingfirst.event.discharge-planned');
    expect(event.data).toEqual({
      eventId: item.event_id,
      eventType: 'DischargePlanned',
      links: { self: `/citizens/${item.citizen_id}/timeline` },
    });
  });
});

describe('addressing', () => {
  const shelter = { unitId: 'test-shelter', unitType: 'shelter', municipality: '101' };
  it('matches the unit id, or the unit type in the unit municipality, as the inbox does', () => {
    expect(addressedTo([{ unitType: 'shelter', unitId: 'test-shelter' }], shelter)).toBe(true);
    expect(addressedTo([{ unitType: 'shelter', municipality: '101' }], shelter)).toBe(true);
    expect(addressedTo([{ unitType: 'shelter', municipality: '147' }], shelter)).toBe(false);
    expect(
      addressedTo([{ unitType: 'shelter', unitId: 'other-shelter' }], { ...shelter, municipality: null }),
    ).toBe(false);
    expect(addressedTo([{ unitType: 'social-authority', municipality: '101' }], shelter)).toBe(false);
  });
});
