/**
 * Request logs as JSON lines (pino). Contract: request id, method, route
 * pattern, status and timing only; never a path, a query, a body, an address
 * or an error message (any of them could carry what a person typed).
 */
import pino from 'pino';

export const httpLog = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { component: 'http' } });
