import { Param, ParseUUIDPipe } from '@nestjs/common';
import { isValidCpr, isMunicipalityCode } from '@hf/domain';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { ProblemException } from './problem';

/** Validates a CPR number's format and date part; the message never repeats the value. */
export function IsCpr(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCpr',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a CPR number (DDMMYY-SSSS) with a real date', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidCpr(value) },
    });
}

export function IsMunicipalityCode(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMunicipalityCode',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be one of the 98 Danish municipality codes, e.g. 101', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isMunicipalityCode(value) },
    });
}

/** A UUID path parameter; anything else is a 400 problem naming the parameter. */
export function UuidParam(name: string) {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        ProblemException.of(
          400,
          'validation-failed',
          'The request is not valid',
          `path parameter ${name} must be a UUID`,
          {
            errors: [{ pointer: `#/path/${name}`, detail: 'must be a UUID' }],
          },
        ),
    }),
  );
}
