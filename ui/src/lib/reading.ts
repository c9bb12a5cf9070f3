// What 朗读 reads on a page: the heading, the line that explains it, each question with its options
// and the current answer, the choices of a menu, and any error shown. Read from the page as drawn, so
// it always matches what the person sees.

import { t } from './i18n';

/** The words of `element` a person hears: what is drawn only for the eye (aria-hidden, such as the
 * ✓ of a chosen answer) is not read. */
function text(element: Element | null | undefined): string {
  if (!element) return '';
  let words = '';
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[aria-hidden="true"]')) words += node.textContent ?? '';
  }
  return words.replace(/\s+/g, ' ').trim();
}

function question(fieldset: HTMLFieldSetElement, heading: string): string[] {
  const parts: string[] = [];
  const legend = text(fieldset.querySelector('legend'));
  if (legend && legend !== heading) parts.push(legend);
  const labels = [...fieldset.querySelectorAll('label')];
  const options = labels.map((label) => text(label)).filter(Boolean);
  if (options.length > 0) parts.push(t('reading-options', { options: options.join('；') }));
  const chosen = labels.find((label) => label.querySelector('input:checked'));
  parts.push(chosen ? t('reading-chosen', { choice: text(chosen) }) : t('reading-not-chosen'));
  return parts;
}

/** The elements matching `selector` inside `root` that are shown: nothing hidden is read (the
 * staff window keeps her work hidden and inert under the lock screen). */
function shown(root: HTMLElement, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((element) => !element.closest('[hidden], [inert]'));
}

/** The words 朗读 says for the page inside `root`. */
export function pageReading(root: HTMLElement): string {
  const h1 = shown(root, 'h1')[0];
  const heading = text(h1);
  const parts = heading ? [heading] : [];
  const next = h1?.parentElement?.classList.contains('page-header')
    ? h1.parentElement.nextElementSibling
    : h1?.nextElementSibling;
  if (next?.tagName === 'P' && text(next)) parts.push(text(next));
  for (const alert of shown(root, '[role=alert]')) {
    if (text(alert)) parts.push(text(alert));
  }
  for (const fieldset of shown(root, 'fieldset')) {
    parts.push(...question(fieldset as HTMLFieldSetElement, heading));
  }
  const menu = shown(root, 'nav a').map((link) => text(link)).filter(Boolean);
  if (menu.length > 0) parts.push(t('reading-options', { options: menu.join('、') }));
  return parts.join('。').replace(/([。？！：；])。/g, '$1');
}
