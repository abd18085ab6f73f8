import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { ProcessDefinition } from '../process';
import { assertOccurredAtAcceptable } from '../rules';

/**
 * Two records of the same person (often one without CPR, made at a night shelter, and one with CPR made
 * later) are linked by a reversible event, never merged: both records keep their own history, and an
 * unlink restores the state before. A pair that a caseworker has unlinked is never linked again
 * automatically (a matching rule was wrong once; only a person may overrule that).
 *
 * One stream per pair (`citizen-link-<lower id>-<higher id>`) keeps the pair's rules in one place whichever
 * record the caseworker starts from.
 */
export type LinkMethod = 'manual' | 'automatic';
export const LINK_METHODS: readonly LinkMethod[] = ['manual', 'automatic'];

export type CitizenRecordsLinked = {
  type: 'CitizenRecordsLinked';
  data: {
    citizenId: string;
    linkedCitizenId: string;
    occurredAt: string;
    method: LinkMethod;
    /** why the caseworker (or the matching rule) believes it is the same person; no personal data */
    reason: string;
  };
};

export type CitizenRecordsUnlinked = {
  type: 'CitizenRecordsUnlinked';
  data: { citizenId: string; linkedCitizenId: string; occurredAt: string; reason: string };
};

export type RecordLinkEvent = CitizenRecordsLinked | CitizenRecordsUnlinked;

export type LinkCitizenRecords = {
  type: 'LinkCitizenRecords';
  citizenId: string;
  linkedCitizenId: string;
  occurredAt: Date;
  method: LinkMethod;
  reason: string;
};

export type UnlinkCitizenRecords = {
  type: 'UnlinkCitizenRecords';
  citizenId: string;
  linkedCitizenId: string;
  occurredAt: Date;
  reason: string;
};

export type RecordLinkCommand = LinkCitizenRecords | UnlinkCitizenRecords;

export type RecordLinkState = { linked: boolean; unlinkedBefore: boolean };

/** The pair's stream key; the order of the two ids does not matter. */
export function recordLinkStreamId(citizenId: string, otherCitizenId: string): string {
  const [a, b] = [citizenId, otherCitizenId].sort();
  return `citizen-link-${a}-${b}`;
}

export const recordLinkDecider: Decider<RecordLinkCommand, RecordLinkState, RecordLinkEvent> = {
  initialState: () => ({ linked: false, unlinkedBefore: false }),

  decide(command, state, now) {
    assertOccurredAtAcceptable(command.occurredAt, now);
    if (command.citizenId === command.linkedCitizenId) {
      throw new DomainError(
        'rule-violation',
        'cannot-link-record-to-itself',
        'A record cannot be linked to itself',
      );
    }
    const pair = {
      citizenId: command.citizenId,
      linkedCitizenId: command.linkedCitizenId,
      occurredAt: command.occurredAt.toISOString(),
      reason: command.reason,
    };
    switch (command.type) {
      case 'LinkCitizenRecords':
        if (state.linked) {
          throw new DomainError('conflict', 'records-already-linked', 'The two records are already linked');
        }
        if (command.method === 'automatic' && state.unlinkedBefore) {
          throw new DomainError(
            'conflict',
            'unlinked-pair-not-relinked-automatically',
            'A caseworker unlinked these records before; only a manual link may join them again',
          );
        }
        return [{ type: 'CitizenRecordsLinked', data: { ...pair, method: command.method } }];
      case 'UnlinkCitizenRecords':
        if (!state.linked) {
          throw new DomainError('conflict', 'records-not-linked', 'The two records are not linked');
        }
        return [{ type: 'CitizenRecordsUnlinked', data: pair }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CitizenRecordsLinked':
        return { ...state, linked: true };
      case 'CitizenRecordsUnlinked':
        return { linked: false, unlinkedBefore: true };
      default:
        return assertNever(event);
    }
  },
};

export function summarizeRecordLink(event: RecordLinkEvent): string {
  switch (event.type) {
    case 'CitizenRecordsLinked':
      return `Linked with another record of the same person (${event.data.method}): ${event.data.reason}`;
    case 'CitizenRecordsUnlinked':
      return `Unlinked from a record that was not the same person: ${event.data.reason}`;
    default:
      return assertNever(event);
  }
}

export const recordLinkProcess: ProcessDefinition<RecordLinkCommand, RecordLinkState, RecordLinkEvent> = {
  name: 'record-links',
  /** keyed by the pair, not one citizen: pass `recordLinkStreamId(a, b)`'s input through `pairKey` */
  streamId: (pairKey: string) => {
    const [a, b] = pairKey.split('|');
    return recordLinkStreamId(a, b);
  },
  decider: recordLinkDecider,
  events: {
    CitizenRecordsLinked: {
      schemaVersion: 1,
      category: 'identity',
      erasedSummary: 'Linked with another record of the same person (the reason was erased)',
    },
    CitizenRecordsUnlinked: {
      schemaVersion: 1,
      category: 'identity',
      erasedSummary: 'Unlinked from a record that was not the same person (the reason was erased)',
    },
  },
  summarize: summarizeRecordLink,
};
