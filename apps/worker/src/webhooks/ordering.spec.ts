import { maySend, QueuedDelivery } from './ordering';

const d = (itemId: number, status: QueuedDelivery['status'], citizenId = 'c1', subscriptionId = 's1') => ({
  subscriptionId,
  citizenId,
  itemId: BigInt(itemId),
  status,
});

describe('in-order delivery per citizen per subscription', () => {
  it('holds an item back while an earlier item of the same citizen is pending', () => {
    expect(maySend(d(2, 'pending'), [d(1, 'pending'), d(2, 'pending')])).toBe(false);
  });

  it('lets it go once the earlier item is delivered, dead or withheld', () => {
    for (const status of ['delivered', 'dead', 'withheld'] as const)
      expect(maySend(d(2, 'pending'), [d(1, status), d(2, 'pending')])).toBe(true);
  });

  it('does not hold back other citizens or other subscriptions', () => {
    expect(maySend(d(2, 'pending', 'c2'), [d(1, 'pending', 'c1'), d(2, 'pending', 'c2')])).toBe(true);
    expect(maySend(d(2, 'pending', 'c1', 's2'), [d(1, 'pending', 'c1', 's1')])).toBe(true);
  });
});
