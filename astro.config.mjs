// @ts-check
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { glossaryLinksPlugin } from './src/markdown/glossary-links.ts';
import { pointsPlugin } from './src/markdown/points.ts';

/** The public address behind a TLS proxy, for example https://dsr.example.nhs.uk. */
const publicOrigin = process.env.PUBLIC_ORIGIN ? new URL(process.env.PUBLIC_ORIGIN) : undefined;

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone', bodySizeLimit: 64 * 1024 }),
  integrations: [preact()],
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
    },
  },
  devToolbar: { enabled: false },
});
