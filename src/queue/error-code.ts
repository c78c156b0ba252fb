/**
 * An error's code, safe to log and show in /healthz: a PostgreSQL SQLSTATE
 * (57P01 shut down, 28P01 wrong password) or a network code (ECONNREFUSED).
 */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
  const message = (error as Error | undefined)?.message ?? '';
  if (/timeout/i.test(message)) return 'ETIMEDOUT';
  if (/terminated|ended|closed/i.test(message)) return 'ECONNRESET';
  return 'EDATABASE';
}
