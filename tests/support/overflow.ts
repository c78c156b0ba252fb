import type { Page } from '@playwright/test';

/** The page's scroll width, and the innermost elements that reach past the viewport's right edge. */
export async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
      .slice(0, 10)
      .map((el) => {
        const rect = el.getBoundingClientRect();
        const name = `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${name} "${text}" right edge ${Math.round(rect.right)} px`;
      });
    // Report scrollWidth as the viewport width when it fits, so the expected value is exact.
    return { scrollWidth: scrollWidth <= width ? width : scrollWidth, culprits };
  });
}
