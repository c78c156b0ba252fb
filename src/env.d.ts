declare namespace App {
  interface Locals {
    /** Set while a page renders: its crisis-line statuses stay true until then (src/cache/status-period.ts). */
    statusUntil?: Date;
    /** Set while a page renders: the latest instant at which it read a status. */
    statusFrom?: Date;
  }
}
