import { accidentsId, accidentsEn } from "../../modules/accidents/locale";
import { bankImportId, bankImportEn } from "../../modules/bank-import/locale";
import { commissionsId, commissionsEn } from "../../modules/commissions/locale";
import { documentsId, documentsEn } from "../../modules/documents/locale";
import { remindersId, remindersEn } from "../../modules/reminders/locale";
import { renewalsId, renewalsEn } from "../../modules/renewals/locale";

// Each feature keeps its texts beside its pages (modules/<feature>/locale.ts); they are
// mounted here under the feature's key, so id.ts and en.ts hold only the shared texts.
export const featuresId = {
  accidents: accidentsId,
  bankImport: bankImportId,
  renewals: renewalsId,
  documents: documentsId,
  commissions: commissionsId,
  reminders: remindersId,
};

export const featuresEn: typeof featuresId = {
  accidents: accidentsEn,
  bankImport: bankImportEn,
  renewals: renewalsEn,
  documents: documentsEn,
  commissions: commissionsEn,
  reminders: remindersEn,
};
