/** One HTTP call, however it is made: Fastify injection in the test process, or fetch to a replica. */
export type Send = (
  method: 'GET' | 'POST',
  url: string,
  body?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: string }>;

/**
 * A steady stream of real domain events through the HTTP API: citizens registered, then §110 shelter admissions
 * and discharges in turn for each of them, in order of occurrence.
 */
export class ShelterTraffic {
  private readonly openStays = new Map<string, string>();
  private readonly citizens: string[] = [];
  private minute = 0;
  private step = 0;
  requests = 0;

  constructor(private readonly send: Send) {}

  async registerCitizens(count: number): Promise<string[]> {
    for (let i = 0; i < count; i += 1) {
      const { citizenId } = await this.post<{ citizenId: string }>('/citizens', {
        alias: `Borger ${i}`,
        handlekommune: '101',
        occurredAt: this.nextTime(),
      });
      this.citizens.push(citizenId);
    }
    return [...this.citizens];
  }

  /** The next fact for the next citizen in turn. */
  async next(): Promise<void> {
    const citizenId = this.citizens[this.step % this.citizens.length];
    this.step += 1;
    const stayId = this.openStays.get(citizenId);
    if (stayId) {
      await this.post(`/citizens/${citizenId}/shelter-stays/${stayId}/discharge`, {
        destination: 'own-home',
        planned: true,
        occurredAt: this.nextTime(),
      });
      this.openStays.delete(citizenId);
    } else {
      const { stayId: opened } = await this.post<{ stayId: string }>(`/citizens/${citizenId}/shelter-stays`, {
        shelterId: 'shelter-kollegiet-sct-nicolai',
        shelterName: 'Kollegiet Sct. Nicolai',
        municipalityOfStay: '101',
        referral: 'self-referred',
        occurredAt: this.nextTime(),
      });
      this.openStays.set(citizenId, opened);
    }
  }

  /** Sends facts one after another until `until` resolves; returns how many were sent. */
  async runUntil(until: Promise<unknown>): Promise<number> {
    let stopped = false;
    void until.then(() => (stopped = true));
    let sent = 0;
    while (!stopped) {
      await this.next();
      sent += 1;
    }
    return sent;
  }

  private async post<T>(url: string, body: Record<string, unknown>): Promise<T> {
    this.requests += 1;
    const res = await this.send('POST', url, body);
    if (res.status !== 201) throw new Error(`${url} answered ${res.status}: ${res.body}`);
    return JSON.parse(res.body) as T;
  }

  private nextTime(): string {
    this.minute += 1;
    return new Date(Date.UTC(2026, 0, 5, 8, 0) + this.minute * 60_000).toISOString();
  }
}
