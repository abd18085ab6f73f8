import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_CONTACT_CHANNEL_KINDS, CONTACT_ROLES, StaffContactChannelKind, ContactRole } from '@hf/domain';
import { Type } from 'class-transformer';
import {
  isEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

const PHONE = /^\+?[0-9][0-9 ]{7,18}$/;

/** A phone number for kind work-phone, an email address for kind work-email; the message never repeats it. */
function IsChannelValue() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isChannelValue',
      target: target.constructor,
      propertyName,
      options: { message: 'value must be a phone number (work-phone) or an email address (work-email)' },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string') return false;
          const { kind } = args.object as ContactChannelDto;
          return kind === 'work-phone' ? PHONE.test(value) : isEmail(value);
        },
      },
    });
}

/** A work phone number or work email of the staff member: staff data, never the citizen's. */
export class ContactChannelDto {
  @ApiProperty({ enum: STAFF_CONTACT_CHANNEL_KINDS, example: 'work-phone' })
  @IsIn(STAFF_CONTACT_CHANNEL_KINDS)
  kind!: StaffContactChannelKind;

  @ApiProperty({ description: 'The work phone number or work email address', example: '+45 33 17 33 17' })
  @IsString()
  @IsChannelValue()
  value!: string;
}

export class AssignContactDto extends FactDto {
  @ApiProperty({ enum: CONTACT_ROLES, example: 'support-worker' })
  @IsIn(CONTACT_ROLES)
  role!: ContactRole;

  @ApiProperty({
    description: "Opaque reference to the staff member (e.g. the municipality's user id); not a name",
    example: 'kk-sof-az48213',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{1,99}$/, {
    message: 'staffId must be an opaque id of letters, digits and . _ : -',
  })
  staffId!: string;

  @ApiProperty({ description: 'The unit the staff member acts for', example: 'kk-cti-team-nordvest' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, {
    message: 'unitId must be a lower-case unit id like kk-cti-team-nordvest',
  })
  unitId!: string;

  @ApiPropertyOptional({ type: ContactChannelDto, description: 'How other units reach this contact at work' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactChannelDto)
  channel?: ContactChannelDto;
}
