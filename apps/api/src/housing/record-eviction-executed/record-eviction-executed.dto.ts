import { TenancyFactDto } from '../tenancy.dto';

export class RecordEvictionExecutedDto extends TenancyFactDto {}
