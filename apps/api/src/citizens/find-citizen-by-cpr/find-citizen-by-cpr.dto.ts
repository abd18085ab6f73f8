import { ApiProperty } from '@nestjs/swagger';
import { IsCpr } from '../../http/validators';

/** CPR goes in the body, never in the URL, so it stays out of access logs and browser history. */
export class FindCitizenByCprDto {
  @ApiProperty({ example: '070761-4285' })
  @IsCpr()
  cpr!: string;
}
