import { ExpectedVersion, PostgresEventStore } from '@hf/event-store';
import { inTransaction, PersonalDataVault } from '@hf/platform';
import type { Pool } from 'pg';
import type { SampleCitizen } from '../lib/types';
import { CitizenHistory, simulateCitizen } from './citizen-history';

export interface GenerationReport {
  /** events appended by this call */
  events: number;
  citizens: number;
  appends: number;
  seconds: number;
  /** commands the domain refused, by type, over the whole run so far */
  refused: ReadonlyMap<string, number>;
}

/** At most this many events per append: a long support course is split rather than sent as one huge array. */
const MAX_BATCH = 500;

/**
 * Writes a synthetic national history through the PostgreSQL event store adapter (append_events with the exact
 * expected version, one transaction per citizen), with several concurrent writers. Citizens are simulated one at a time, in index order, on
 * the event loop (the domain's deciders are synchronous), so which citizens a size contains depends only on the
 * seed; the writers then append each citizen's streams while the next citizens are simulated.
 *
 * The generator can grow the same database in steps (1M, then 5M): it remembers where it stopped.
 */
export class NationalHistoryGenerator {
  private nextIndex = 0;
  private total = 0;
  private readonly refused = new Map<string, number>();
  private readonly samples: SampleCitizen[] = [];
  private readonly store: PostgresEventStore;
  private readonly vault: PersonalDataVault;

  constructor(
    private readonly pool: Pool,
    keys: { masterKey: Buffer; cprLookupKey: Buffer },
    private readonly options: { seed: number; writers: number; sampleEvery?: number },
  ) {
    this.store = new PostgresEventStore(pool);
    this.vault = new PersonalDataVault(pool, keys.masterKey, keys.cprLookupKey);
  }

  get eventsWritten(): number {
    return this.total;
  }

  /** citizens spread over the municipalities (every n-th citizen), for the query sections */
  get sampleCitizens(): SampleCitizen[] {
    return [...this.samples];
  }

  /** Appends citizens until the store holds at least `target` generated events. */
  async generateUntil(target: number, onProgress?: (events: number) => void): Promise<GenerationReport> {
    const started = process.hrtime.bigint();
    const before = this.total;
    let citizens = 0;
    let appends = 0;
    const claim = (): CitizenHistory | null => {
      if (this.total >= target) return null;
      const history = simulateCitizen(this.options.seed, this.nextIndex);
      if (this.nextIndex % (this.options.sampleEvery ?? 25) === 0) {
        this.samples.push({ citizenId: history.citizenId, handlekommune: history.handlekommune });
      }
      this.nextIndex += 1;
      this.total += history.eventCount;
      for (const [type, n] of history.refused) this.refused.set(type, (this.refused.get(type) ?? 0) + n);
      return history;
    };
    let lastReport = 0;
    const writer = async () => {
      for (let history = claim(); history; history = claim()) {
        const made = await this.write(history);
        appends += made;
        citizens += 1;
        if (onProgress && this.total - lastReport >= 50_000) {
          lastReport = this.total;
          onProgress(this.total);
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.writers }, writer));
    return {
      events: this.total - before,
      citizens,
      appends,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      refused: this.refused,
    };
  }

  /**
   * One citizen's history is one transaction: every append still goes through the adapter's append (the same
   * append_events function, each with the exact expected version the simulation kept), but the server flushes its
   * log once per citizen instead of once per append. A national history averages ~5 events per append, so commits
   * and not inserts would otherwise set the pace (about 1,000 appends/s on the 2-core machine: 1M events in 3+ min).
   */
  private async write(history: CitizenHistory): Promise<number> {
    await this.sealPersonalData(history);
    return inTransaction(this.pool, async (client) => {
      let appends = 0;
      for (const planned of history.appends) {
        for (let offset = 0; offset < planned.events.length; offset += MAX_BATCH) {
          const version = planned.expectedVersion + offset;
          await this.store.appendWithin(
            client,
            planned.streamId,
            planned.events.slice(offset, offset + MAX_BATCH),
            ExpectedVersion.fromVersion(version),
          );
          appends += 1;
        }
      }
      return appends;
    });
  }

  /**
   * The registration carries the citizen's personal data sealed with a data key of their own, which lives in the
   * database; the simulation cannot make it, so the writer seals a synthetic name here, as the API handler does.
   */
  private async sealPersonalData(history: CitizenHistory): Promise<void> {
    const registration = history.appends[0]?.events.find((e) => e.type === 'CitizenRegistered');
    if (!registration) return;
    await this.vault.ensureKey(history.citizenId);
    registration.data.sealedPersonalData = await this.vault.seal(history.citizenId, {
      name: `Borger ${history.citizenId.slice(0, 8)}`,
      birthDate: '1980-01-01',
    });
  }
}
