import { ApiPropertyOptional } from '@nestjs/swagger';
import { isISO8601, IsOptional, registerDecorator } from 'class-validator';

/** An instant with a time and a zone: '2026-03-03T12:00:00Z' or '2026-03-03T13:00:00+01:00', never a bare date. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real ISO 8601 instant with a time zone; one message whatever is wrong with it. */
export function IsInstant() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: {
        message: '$property must be an ISO 8601 instant with a time zone, e.g. 2026-03-03T12:00:00Z',
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          ISO_INSTANT.test(value) &&
          isISO8601(value, { strict: true }) &&
          !Number.isNaN(Date.parse(value)),
      },
    });
}

/** The two time axes of a timeline read (DOMAIN.md §5: late notices are common). */
export class GetTimelineParams {
  @ApiPropertyOptional({
    description:
      'Read the timeline as the system knew it at this instant: only entries recorded by then (recordedAt <= knownAt). ' +
      'Answers "what did we know on 3 March".',
    example: '2026-03-03T12:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  knownAt?: string;

  @ApiPropertyOptional({
    description:
      'Read what had happened by this instant, as known now: only entries that occurred by then (occurredAt <= validAt). ' +
      'May be combined with knownAt.',
    example: '2026-02-15T00:00:00+01:00',
  })
  @IsOptional()
  @IsInstant()
  validAt?: string;
}
