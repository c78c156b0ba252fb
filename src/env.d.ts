declare namespace App {
  interface Locals {
    /** Set while a page renders: its crisis-line statuses stay true until then (src/cache/status-period.ts). */
    statusUntil?: Date;
    /** Set while a page renders: the latest instant at which it read a status. */
    statusFrom?: Date;
  }
}

/** Every area's Questionnaires, made when the site is built (src/fhir/published.ts). */
declare module 'virtual:dsr/questionnaires' {
  import type { Questionnaire } from '@medplum/fhirtypes';
  type BuiltQuestionnaire = Questionnaire & { id: string; url: string; version: string };
  const questionnaires: Readonly<Record<string, Readonly<Record<string, BuiltQuestionnaire>>>>;
  export default questionnaires;
}
