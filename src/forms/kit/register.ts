/**
 * Which of the area's registers a person goes on, by their age on the day of
 * sending. The areas' settings list the registers (src/area/schema.ts).
 */

/** A register from the area's settings (src/area/schema.ts). */
export interface RegisterRule {
  id: string;
  name: string;
  minAge: number;
  maxAge?: number | undefined;
}

/**
 * The area's register for a person of this age on the day of sending: the
 * first whose minAge ≤ age ≤ maxAge (no maxAge: no upper limit). Undefined
 * when none fits, which the area's settings should never allow.
 */
export function chooseRegister<T extends RegisterRule>(registers: readonly T[], age: number): T | undefined {
  return registers.find(
    (register) => register.minAge <= age && (register.maxAge === undefined || age <= register.maxAge),
  );
}
