/** A print button needs JavaScript, so it is hidden in the HTML and shown here. */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  if (typeof window.print !== 'function') continue;
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
