import { TenancyFactDto } from '../tenancy.dto';

export class RecordMoveInDto extends TenancyFactDto {}
