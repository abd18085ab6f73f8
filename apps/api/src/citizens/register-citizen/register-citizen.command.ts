import { RequestContext } from '../../http/request-context';
import { RegisterCitizenDto } from './register-citizen.dto';

export class RegisterCitizenCommand {
  constructor(
    readonly dto: RegisterCitizenDto,
    readonly ctx: RequestContext,
  ) {}
}
