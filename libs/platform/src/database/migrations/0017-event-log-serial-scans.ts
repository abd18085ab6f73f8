/**
 * The event log is only ever read by key: a stream by (stream_id, stream_version), the feed by (transaction_id,
 * global_position) with a LIMIT. Without statistics on `events` (a server with autovacuum off, or a large import
 * not yet analyzed) the planner guesses 0.5 % of the table per stream, about 25,000 rows at 5M events, and plans a
 * stream read as a parallel bitmap scan: every read of a five-event stream then starts worker processes. The bench
 * saw this at 5M on the machine's PostgreSQL 15 (autovacuum off): the alert engine's stream reads took 16 ms each
 * and its catch-up ran at 4,000 events/s; with parallel scans of the log turned off, 16,000 events/s on the same
 * database (BENCHMARKS.md). Nothing reads the log in a way a parallel scan would help, so none is planned.
 */
export const sql = `
ALTER TABLE events SET (parallel_workers = 0);
`;
