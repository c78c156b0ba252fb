/** The area served when DSR_AREA is not set. */
export const DEFAULT_AREA = 'south-east-london';
