import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { citizenDecider, citizenStreamId, validateCpr } from '@hf/domain';
import { EVENT_STORE, EventStore, executeOnStream } from '@hf/event-store';
import { PersonalDataVault } from '@hf/platform';
import { ProblemException } from '../../http/problem';
import { CLOCK, Clock } from '../../shared/clock';
import { envelopeFor } from '../../shared/command-context';
import { domainCodec } from '../../shared/domain-codec';
import { RegisterCitizenCommand } from './register-citizen.command';

@CommandHandler(RegisterCitizenCommand)
export class RegisterCitizenHandler implements ICommandHandler<
  RegisterCitizenCommand,
  { citizenId: string }
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ dto, ctx }: RegisterCitizenCommand): Promise<{ citizenId: string }> {
    if (dto.cpr === undefined && dto.name === undefined && dto.alias === undefined) {
      throw ProblemException.of(
        400,
        'validation-failed',
        'The request is not valid',
        '/name: a name or an alias is required when there is no CPR number',
        {
          errors: [
            { pointer: '/name', detail: 'a name or an alias is required when there is no CPR number' },
          ],
        },
      );
    }
    const now = this.clock.now();
    let citizenId = ctx.newId();
    const cpr = dto.cpr === undefined ? undefined : validateCpr(dto.cpr);
    if (cpr && !cpr.ok) throw new Error('CPR passed DTO validation but not the domain check');
    if (cpr?.ok && dto.birthDate !== undefined && dto.birthDate !== cpr.birthDate) {
      throw ProblemException.of(
        422,
        'birth-date-contradicts-cpr',
        'Birth date contradicts the CPR number',
        'Leave out birthDate when a CPR number is given: it is read from the CPR number.',
      );
    }

    // With an Idempotency-Key the id is derived from the key. A repeat whose stored response is gone (an erasure
    // forgets the responses that name the citizen) would land on the existing record: refuse it before the CPR is
    // claimed or a data key made, which would tie the CPR number to an erased record again.
    if ((await this.store.readStream(citizenStreamId(citizenId))).length > 0) {
      throw ProblemException.of(
        409,
        'citizen-already-registered',
        'Citizen already registered',
        'A citizen with this id is already registered.',
        { citizenId },
      );
    }

    if (cpr?.ok) {
      const claim = await this.vault.claimCpr(cpr.normalized, citizenId);
      if (!claim.claimed) {
        const registered = await this.store.readStream(citizenStreamId(claim.citizenId));
        if (registered.length > 0) {
          throw ProblemException.of(
            409,
            'citizen-already-registered',
            'Citizen already registered',
            'A citizen with this CPR number is already registered.',
            { citizenId: claim.citizenId },
          );
        }
        // A registration that claimed the CPR but never appended (it crashed): finish it under that id.
        citizenId = claim.citizenId;
      }
    }

    await this.vault.ensureKey(citizenId);
    const sealedPersonalData = await this.vault.seal(citizenId, {
      cpr: cpr?.ok ? cpr.normalized : undefined,
      name: dto.name,
      alias: dto.alias,
      birthDate: cpr?.ok ? cpr.birthDate : dto.birthDate,
    });
    await executeOnStream(
      this.store,
      domainCodec,
      citizenStreamId(citizenId),
      citizenDecider,
      {
        type: 'RegisterCitizen',
        citizenId,
        occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : now,
        handlekommune: dto.handlekommune,
        hasCpr: cpr?.ok === true,
        sealedPersonalData,
      },
      envelopeFor(ctx, now),
    );
    return { citizenId };
  }
}
