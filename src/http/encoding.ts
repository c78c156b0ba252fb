/**
 * Choosing how to send bytes kept in several encodings. Brotli is preferred
 * over gzip whatever order the browser lists them in (browsers list gzip
 * first but all that accept both do better with brotli).
 */
type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the Accept-Encoding header allows (RFC 9110 12.5.3; q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (!coding) continue;
    const q = params.find((param) => param.startsWith('q='));
    weights.set(coding, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0 || (weights.get('x-gzip') ?? 0) > 0) return 'gzip';
  return 'identity';
}
