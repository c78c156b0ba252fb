/**
 * The inline script at the top of every page: it runs before the page is
 * first drawn, so a choice kept on the device shows at once, with no flash.
 * It also says whether the browser has speech, so the Listen button's space
 * is kept before its island loads (src/reading/listen/). Choices in the
 * address win: the server has already shown them. Server-only (node:crypto).
 */
import { createHash } from 'node:crypto';
import { CHOICE_NAMES, STORAGE_KEY } from './choices.ts';

const names = CHOICE_NAMES.join('|');

export const BEFORE_PAINT =
  `(function(){var d=document.documentElement;if('speechSynthesis'in window)d.classList.add('speech');` +
  `if(/[?&](${names})=/.test(location.search))return;` +
  `try{var c=JSON.parse(localStorage.getItem('${STORAGE_KEY}')||'{}'),k;` +
  `for(k in c)if(/^(${names})$/.test(k)&&/^[a-z]+$/.test(c[k]))d.setAttribute('data-'+k,c[k])}catch(e){}})()`;

/** For the page's Content-Security-Policy, which allows no other inline script. */
export const BEFORE_PAINT_HASH = `sha256-${createHash('sha256').update(BEFORE_PAINT).digest('base64')}` as const;
