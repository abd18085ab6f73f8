import { decodeEvent, DomainEvent, legalBasisOf, schemaVersionOf } from '@hf/domain';
import { EventCodec } from '@hf/event-store';

/** Bridges the store's records and the domain's event catalog (upcasting on read). */
export const domainCodec: EventCodec<DomainEvent> = {
  decode: (recorded) => decodeEvent(recorded),
  schemaVersion: (type) => schemaVersionOf(type),
  metadataOf: (event) => {
    const legalBasis = legalBasisOf(event.type);
    return legalBasis ? { legalBasis } : {};
  },
};
