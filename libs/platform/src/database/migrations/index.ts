import { sql as eventStore } from './0001-event-store';
import { sql as infrastructure } from './0002-infrastructure';
import { sql as timeline } from './0003-timeline';
import { sql as citizenLinks } from './0004-citizen-links';
import { sql as timelineCategory } from './0005-timeline-category';
import { sql as citizenStatus } from './0006-citizen-status';
import { sql as shelterStays } from './0007-shelter-stays';
import { sql as fastTrackQueue } from './0008-fast-track-queue';
import { sql as alertEngine } from './0009-alert-engine';
import { sql as timers } from './0010-timers';
import { sql as alertsInbox } from './0011-alerts-inbox';
import { sql as principals } from './0012-principals';
import { sql as timelineAccess } from './0013-timeline-access';
import { sql as personalDataErasure } from './0014-personal-data-erasure';
import { sql as webhooks } from './0015-webhooks';
import { sql as timelineLookups } from './0016-timeline-lookups';
import { sql as eventLogSerialScans } from './0017-event-log-serial-scans';

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
  { version: 5, name: 'timeline-category', sql: timelineCategory },
  { version: 6, name: 'citizen-status', sql: citizenStatus },
  { version: 7, name: 'shelter-stays', sql: shelterStays },
  { version: 8, name: 'fast-track-queue', sql: fastTrackQueue },
  { version: 9, name: 'alert-engine', sql: alertEngine },
  { version: 10, name: 'timers', sql: timers },
  { version: 11, name: 'alerts-inbox', sql: alertsInbox },
  { version: 12, name: 'principals', sql: principals },
  { version: 13, name: 'timeline-access', sql: timelineAccess },
  { version: 14, name: 'personal-data-erasure', sql: personalDataErasure },
  { version: 15, name: 'webhooks', sql: webhooks },
  { version: 16, name: 'timeline-lookups', sql: timelineLookups },
  { version: 17, name: 'event-log-serial-scans', sql: eventLogSerialScans },
];
