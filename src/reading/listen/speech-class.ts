/**
 * Before the page is painted: class `speech` on <html> where the browser can
 * speak, so Listen's row (listen.css) holds its place from the start and
 * nothing moves when the button appears. Astro does not hash an inline
 * script, so astro.config.mjs adds `SPEECH_CLASS_HASH` to the CSP.
 */
import { createHash } from 'node:crypto';

export const SPEECH_CLASS_SCRIPT = "if('speechSynthesis'in window)document.documentElement.classList.add('speech')";

export const SPEECH_CLASS_HASH = `sha256-${createHash('sha256').update(SPEECH_CLASS_SCRIPT).digest('base64')}` as const;
