import { Module } from '@nestjs/common';
import { RecordDeathController } from './record-death/record-death.controller';
import { RecordHandlekommuneNotifiedController } from '../shelter-stays/record-handlekommune-notified/record-handlekommune-notified.controller';
import { RecordShelterAdmissionController } from '../shelter-stays/record-shelter-admission/record-shelter-admission.controller';
import { RecordShelterDischargeController } from '../shelter-stays/record-shelter-discharge/record-shelter-discharge.controller';
import { RecordStayPlanController } from '../shelter-stays/record-stay-plan/record-stay-plan.controller';
import { DecideMunicipalDischargeController } from '../shelter-stays/decide-municipal-discharge/decide-municipal-discharge.controller';
import { EndAftercareController } from '../shelter-stays/end-aftercare/end-aftercare.controller';
import { StartAftercareController } from '../shelter-stays/start-aftercare/start-aftercare.controller';
import { AssignContactController } from './assign-contact/assign-contact.controller';
import { ChangeHandlekommuneController } from './change-handlekommune/change-handlekommune.controller';
import { EraseCitizenPersonalDataController } from './erase-citizen-personal-data/erase-citizen-personal-data.controller';
import { EraseCitizenPersonalDataHandler } from './erase-citizen-personal-data/erase-citizen-personal-data.handler';
import { FindCitizenByCprController } from './find-citizen-by-cpr/find-citizen-by-cpr.controller';
import { GiveConsentController } from './give-consent/give-consent.controller';
import { RecordHomelessnessSituationController } from './record-homelessness-situation/record-homelessness-situation.controller';
import { RecordPreferencesController } from './record-preferences/record-preferences.controller';
import { RegisterCitizenController } from './register-citizen/register-citizen.controller';
import { UnassignContactController } from './unassign-contact/unassign-contact.controller';
import { WithdrawConsentController } from './withdraw-consent/withdraw-consent.controller';

/**
 * The citizen process (registration, handlekommune, situation, contacts, consents, preferences, death) and the
 * §110 shelter-stay process. The use cases dispatch the generic DecideCommand, except erasure, which has its own
 * handler (one transaction for the event and the key deletion); the register/find/admission/discharge handlers
 * are still provided by the ApiModule.
 */
@Module({
  controllers: [
    RegisterCitizenController,
    FindCitizenByCprController,
    ChangeHandlekommuneController,
    RecordHomelessnessSituationController,
    AssignContactController,
    UnassignContactController,
    GiveConsentController,
    WithdrawConsentController,
    RecordPreferencesController,
    RecordDeathController,
    EraseCitizenPersonalDataController,
    RecordShelterAdmissionController,
    RecordShelterDischargeController,
    RecordHandlekommuneNotifiedController,
    RecordStayPlanController,
    DecideMunicipalDischargeController,
    StartAftercareController,
    EndAftercareController,
  ],
  providers: [EraseCitizenPersonalDataHandler],
})
export class CitizensModule {}
