/**
 * The contract between the benchmark orchestrator (bench/run.ts) and its sections. A section measures one
 * thing against the database the orchestrator prepared and returns rows for the results table; it never
 * prints the table itself, so one run yields one table in which every ratio compares figures of that run.
 */

export interface BenchRow {
  /** groups rows in the table, e.g. "append", "http", "queries @ 5M" */
  section: string;
  /** what was measured, e.g. "single event, exact version, 8 writers" */
  metric: string;
  /** the project's figure with its unit, e.g. "2,310 events/s" or "p50 0.9 ms / p99 3.1 ms" */
  value: string;
  /** the figure it is compared with in the same run, with what it is, e.g. "raw pg 2,250 events/s" */
  baseline?: string;
  /** value / baseline, e.g. "1.03" (higher is better unless the metric says otherwise) */
  ratio?: string;
  /** the target for this figure, e.g. ">= 1.0 x raw" or "p99 < 20 ms" */
  target?: string;
  verdict?: 'met' | 'missed' | 'n/a';
  note?: string;
}

/** A citizen the generator created, with what a reader needs to be allowed to see them. */
export interface SampleCitizen {
  citizenId: string;
  /** handlekommune, a kommunekode such as "101" */
  handlekommune: string;
}

export interface BenchContext {
  /** a database with all migrations applied, the generated history appended and read models caught up */
  databaseUrl: string;
  /** events in the store now */
  events: number;
  /** a label for this data size, e.g. "1M" or "5M" */
  sizeLabel: string;
  /** citizens spread over municipalities, for queries that need real ids */
  sampleCitizens: SampleCitizen[];
  /** smoke mode: few iterations, for checking the harness rather than for figures */
  quick: boolean;
  log(message: string): void;
}

export type BenchSection = (ctx: BenchContext) => Promise<BenchRow[]>;
