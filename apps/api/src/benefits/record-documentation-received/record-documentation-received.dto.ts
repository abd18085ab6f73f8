import { FactDto } from '../../shared/decide/fact.dto';

/** Only when it arrived; what arrived is the request's. */
export class RecordDocumentationReceivedDto extends FactDto {}
