import { sql as eventStore } from './0001-event-store';
import { sql as infrastructure } from './0002-infrastructure';
import { sql as timeline } from './0003-timeline';
import { sql as citizenLinks } from './0004-citizen-links';
// [read-models-migration-import] (read models use versions 5-8)
// [alerts-migration-import] (alerts and timers use versions 9-12)

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a migration that has shipped is never edited, a change is a new entry. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'event-store', sql: eventStore },
  { version: 2, name: 'infrastructure', sql: infrastructure },
  { version: 3, name: 'timeline', sql: timeline },
  { version: 4, name: 'citizen-links', sql: citizenLinks },
  // [read-models-migrations]
  // [alerts-migrations]
];
