/**
 * A small HTML tokenizer for the reflection checks: start tags with their
 * attributes (quoted values read as the HTML spec reads them, so a `>` or
 * `<` inside `value="…"` stays inside it), comments skipped, and the bodies
 * of script, style, textarea and title read as the raw text they are. If
 * input were reflected without escaping, it would show up here as a tag or
 * an attribute the page never has.
 */

interface StartTag {
  name: string;
  attributes: { name: string; value: string }[];
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  let at = 0;
  const n = html.length;
  while (at < n) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    at = lt + 1;
    if (html.startsWith('!--', at)) {
      const end = html.indexOf('-->', at + 3);
      at = end < 0 ? n : end + 3;
      continue;
    }
    if (html[at] === '!' || html[at] === '?' || html[at] === '/') {
      const end = html.indexOf('>', at);
      at = end < 0 ? n : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(html[at] ?? '')) continue; // "<" followed by anything else is text
    const nameMatch = /^[^\s/>]+/.exec(html.slice(at, at + 100))!;
    const tag: StartTag = { name: nameMatch[0].toLowerCase(), attributes: [] };
    at += nameMatch[0].length;
    for (;;) {
      while (at < n && /[\s/]/.test(html[at]!)) at++;
      if (at >= n || html[at] === '>') {
        at++;
        break;
      }
      const attrName = /^[^\s/>=]+|^=/.exec(html.slice(at, at + 200))?.[0] ?? html[at]!;
      at += attrName.length;
      while (at < n && /\s/.test(html[at]!)) at++;
      let value = '';
      if (html[at] === '=') {
        at++;
        while (at < n && /\s/.test(html[at]!)) at++;
        const quote = html[at];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, at + 1);
          value = html.slice(at + 1, end < 0 ? n : end);
          at = end < 0 ? n : end + 1;
        } else {
          const unquoted = /^[^\s>]*/.exec(html.slice(at))![0];
          value = unquoted;
          at += unquoted.length;
        }
      }
      tag.attributes.push({ name: attrName.toLowerCase(), value });
    }
    tags.push(tag);
    if (RAW_TEXT.has(tag.name)) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, at);
      at = close < 0 ? n : close;
    }
  }
  return tags;
}

/**
 * What is wrong with this HTML if `allowedTags` are the only elements it
 * may have: a tag it never has, an event-handler attribute, an attribute
 * named after the marker (a quote broke out of a value), more scripts than
 * `maxScripts`, or a script that is not one of the site's own files.
 */
export function injectionProblems(
  html: string,
  allowedTags: Set<string>,
  marker: string,
  maxScripts: number,
): string[] {
  const problems: string[] = [];
  let scripts = 0;
  for (const tag of startTags(html)) {
    if (!allowedTags.has(tag.name)) problems.push(`a tag the page never has: <${tag.name}>`);
    if (tag.name === 'script') {
      scripts++;
      const src = tag.attributes.find((a) => a.name === 'src')?.value;
      if (src !== undefined && !/^\/_astro\/[\w.-]+\.js$/.test(src)) problems.push(`a script from ${src}`);
    }
    for (const { name } of tag.attributes) {
      if (name.startsWith('on') || name.includes(marker) || !/^[a-z][a-z0-9:-]*$/.test(name))
        problems.push(`attribute ${JSON.stringify(name)} on <${tag.name}>`);
    }
  }
  if (scripts > maxScripts) problems.push(`${scripts} scripts (at most ${maxScripts})`);
  return problems;
}
