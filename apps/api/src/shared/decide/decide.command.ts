import { RequestContext } from '../../http/request-context';

export interface RegisteredCitizen {
  citizenId: string;
  /** handlekommune: the responsible municipality */
  handlekommune: string;
  hasCpr: boolean;
}

/** What a controller's command builder may use: the clock, ids, the citizen, and other processes' state. */
export interface BuildContext {
  now: Date;
  newId(): string;
  citizen: RegisteredCitizen;
  /** current state of another process of the same citizen (e.g. housing, when deciding a §110 discharge) */
  stateOf<State = unknown>(process: string): Promise<State>;
}

/**
 * Decide a domain command on one process stream of a citizen. Controllers build the domain command
 * from the DTO; the one generic handler loads, decides and appends (see DecideHandler).
 */
export class DecideCommand {
  constructor(
    /** process name as in the domain catalogue, e.g. `housing` */
    readonly process: string,
    readonly citizenId: string,
    readonly build: (context: BuildContext) => unknown,
    readonly ctx: RequestContext,
  ) {}
}

export interface DecideResult {
  /** types of the events that were appended, in order */
  recorded: string[];
}
