/**
 * Astro's content collections take Zod schemas; this project's schemas are
 * valibot. Wrapping a valibot schema keeps one schema per fact and still
 * fails the build, with valibot's message and path, on bad frontmatter.
 */
import { z } from 'astro/zod';
import * as v from 'valibot';

export function fromValibot<S extends v.GenericSchema>(schema: S) {
  return z.unknown().transform((input, ctx): v.InferOutput<S> => {
    const result = v.safeParse(schema, input);
    if (result.success) return result.output;
    for (const issue of result.issues) {
      const path = v.getDotPath(issue) ?? '';
      ctx.addIssue({ code: 'custom', message: path ? `${path}: ${issue.message}` : issue.message });
    }
    return z.NEVER;
  });
}
