import type { AlertCommand } from '@hf/domain/alerts';
import { RequestContext } from '../../http/request-context';

/** A person's command on one alert (acknowledge, resolve), built with the API's clock. */
export class DecideAlertCommand {
  constructor(
    readonly alertId: string,
    readonly build: (now: Date) => AlertCommand,
    readonly ctx: RequestContext,
  ) {}
}
