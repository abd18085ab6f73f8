import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADMISSION_MEDCOM_CODES,
  AdmissionMedcomCode,
  HOSPITAL_ADMISSION_KINDS,
  HospitalAdmissionKind,
} from '@hf/domain/institution/institution';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordHospitalAdmissionDto extends FactDto {
  @ApiProperty({ enum: HOSPITAL_ADMISSION_KINDS, example: 'psychiatric' })
  @IsIn(HOSPITAL_ADMISSION_KINDS)
  kind!: HospitalAdmissionKind;

  @ApiPropertyOptional({
    enum: ADMISSION_MEDCOM_CODES,
    default: 'STIN',
    description: 'MedCom event code: STIN = admitted, STAA = acute ambulant contact',
  })
  @IsOptional()
  @IsIn(ADMISSION_MEDCOM_CODES)
  medcomCode?: AdmissionMedcomCode;

  @ApiProperty({ example: 'Psykiatrisk Center København' })
  @IsString()
  @Length(2, 200)
  hospitalName!: string;

  @ApiPropertyOptional({
    description: 'Ward, for the receiving units; never shown in summaries. No diagnoses here.',
    example: 'Afsnit 6202',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ward?: string;
}
