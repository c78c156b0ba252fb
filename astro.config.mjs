// @ts-check
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { questionnairesAtBuild } from './src/fhir/published.ts';
import { BODY_LIMIT } from './src/http/body-limit.ts';
import { precompressStatic } from './src/http/precompress.ts';
import { glossaryLinksPlugin } from './src/markdown/glossary-links.ts';
import { pointsPlugin } from './src/markdown/points.ts';
import { settings } from './src/settings.ts';
import { SPEECH_CLASS_HASH } from './src/reading/listen/speech-class.ts';

/** The public address behind a TLS proxy, for example https://dsr.example.nhs.uk. */
const { publicOrigin } = settings().server;

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone', bodySizeLimit: BODY_LIMIT }),
  integrations: [preact(), precompressStatic(), questionnairesAtBuild()],
  server: { port: 4321, host: true },
  trailingSlash: 'never',
  build: { inlineStylesheets: 'always' },
  markdown: {
    syntaxHighlight: false,
    processor: satteri({
      features: { smartPunctuation: false },
      hastPlugins: [pointsPlugin, glossaryLinksPlugin('./content/glossary', 'hard-words')],
    }),
  },
  // Security. Cross-site form posts are refused (403). Behind a TLS proxy the
  // production server (src/server.ts) makes every request look addressed to
  // PUBLIC_ORIGIN at run time, which is what keeps the origin check working:
  // Astro's Node adapter ignores X-Forwarded-Proto, and `allowedDomains` is
  // fixed when the site is built (set here only when PUBLIC_ORIGIN is set at
  // build time; nothing depends on it). The CSP below is sent as a header
  // with hashes of Astro's own scripts and styles; src/http/headers.ts adds
  // the other security headers to every response, static files included.
  security: {
    checkOrigin: true,
    allowedDomains: publicOrigin
      ? [{ protocol: publicOrigin.protocol.replace(':', ''), hostname: publicOrigin.hostname }]
      : [],
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
      ],
      // Base.astro's inline script, which Astro does not hash itself.
      scriptDirective: { hashes: [SPEECH_CLASS_HASH] },
    },
  },
  devToolbar: { enabled: false },
});
