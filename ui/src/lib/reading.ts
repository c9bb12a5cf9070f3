// What 朗读 reads on a page: the heading, the line that explains it, each question with its options
// and the current answer, the choices of a menu, and any error shown. Read from the page as drawn, so
// it always matches what the person sees.

import { t } from './i18n';

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
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

/** The words 朗读 says for the page inside `root`. */
export function pageReading(root: HTMLElement): string {
  const h1 = root.querySelector('h1');
  const heading = text(h1);
  const parts = heading ? [heading] : [];
  const next = h1?.parentElement?.classList.contains('page-header')
    ? h1.parentElement.nextElementSibling
    : h1?.nextElementSibling;
  if (next?.tagName === 'P' && text(next)) parts.push(text(next));
  for (const alert of root.querySelectorAll('[role=alert]')) {
    if (text(alert)) parts.push(text(alert));
  }
  for (const fieldset of root.querySelectorAll('fieldset')) parts.push(...question(fieldset, heading));
  const menu = [...root.querySelectorAll('nav a')].map((link) => text(link)).filter(Boolean);
  if (menu.length > 0) parts.push(t('reading-options', { options: menu.join('、') }));
  return parts.join('。').replace(/([。？！：；])。/g, '$1');
}
