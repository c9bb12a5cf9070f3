// What 朗读 reads on a page: every word shown, in reading order — the heading first, then each
// paragraph, list item, timeline step, button and link as a sentence of its own; each question with
// its options and current answer; what she typed into a box; the choices of a menu. Read from the
// page as drawn, so it always matches what the person sees. (How numbers are said — a case number
// digit by digit — is core's `aloud`, applied by the shell's voice.) Where strangers stand close — a
// kiosk in a hall, a counter with a queue — what a person typed is counted, not said
// (`{ typed: 'counted' }`): 已经填了11位数。为了保密，不读出来。

import { t } from './i18n';

/** Elements whose words are a sentence of their own. */
const SEPARATE = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BUTTON', 'CAPTION', 'DD', 'DIV', 'DL', 'DT',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'LABEL',
  'LEGEND', 'LI', 'OL', 'P', 'SECTION', 'SUMMARY', 'TD', 'TH', 'TR', 'UL', 'A', 'OUTPUT', 'TABLE',
]);

/** Elements never read: what is not words, and what a person cannot see. */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'CANVAS']);

/** Boxes whose typed answer is read. */
const TYPED = new Set(['text', 'tel', 'number', 'email', 'search', 'date', 'url', '']);

/** How what a person typed is read: said as typed (at home), or only counted (in a public place). */
export type TypedReading = 'said' | 'counted';

/** The sentence for `typed` when it is only counted: digits as 位数, other writing as 个字. */
function counted(typed: string): string {
  const count = String(Array.from(typed).length);
  return /^[0-9Xx.]+$/.test(typed)
    ? t('reading-typed-digits-counted', { count })
    : t('reading-typed-counted', { count });
}

/** Whether `element` is drawn for the eye only, hidden, or the 朗读 button itself. */
function unread(element: Element): boolean {
  if (UNREAD.has(element.tagName)) return true;
  if (element.hasAttribute('hidden') || element.hasAttribute('inert')) return true;
  if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('data-read-aloud')) return true;
  if (element instanceof HTMLDialogElement && !element.open) return true;
  return element.ownerDocument.defaultView?.getComputedStyle(element).display === 'none';
}

/** The words of `element` a person hears (what is drawn only for the eye is left out). */
function text(element: Element | null | undefined): string {
  if (!element) return '';
  let words = '';
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[aria-hidden="true"]')) words += node.textContent ?? '';
  }
  return words.replace(/\s+/g, ' ').trim();
}

function question(fieldset: HTMLFieldSetElement, heading: string, typed: TypedReading): string[] {
  const parts: string[] = [];
  const legend = text(fieldset.querySelector('legend'));
  if (legend && legend !== heading) parts.push(legend);
  const labels = [...fieldset.querySelectorAll('label')].filter((label) =>
    label.querySelector('input[type=radio], input[type=checkbox]'),
  );
  if (labels.length === 0) {
    // A question of boxes (a date in three boxes): its words and what is typed, as anywhere else.
    const rest = new Reading(heading, typed);
    for (const child of fieldset.children) if (child.tagName !== 'LEGEND') rest.visit(child);
    return rest.parts;
  }
  const options = labels.map((label) => text(label)).filter(Boolean);
  if (options.length > 0) parts.push(t('reading-options', { options: options.join('；') }));
  const chosen = labels.filter((label) => label.querySelector('input:checked'));
  parts.push(
    chosen.length > 0
      ? t('reading-chosen', { choice: chosen.map((label) => text(label)).join('；') })
      : t('reading-not-chosen'),
  );
  return parts;
}

/** The sentences of a page, gathered in reading order. */
class Reading {
  parts: string[] = [];
  private words = '';

  constructor(
    private heading: string,
    private typed: TypedReading,
  ) {}

  /** Ends the sentence being gathered. */
  flush(): void {
    const words = this.words.replace(/\s+/g, ' ').trim();
    if (words && words !== this.heading) this.parts.push(words);
    this.words = '';
  }

  /** Gathers the words of `node` and all it holds. */
  visit(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      this.words += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element) || unread(node)) return;
    if (node.tagName === 'FIELDSET') {
      this.flush();
      this.parts.push(...question(node as HTMLFieldSetElement, this.heading, this.typed));
      return;
    }
    if (node.tagName === 'NAV') {
      this.flush();
      const menu = [...node.querySelectorAll('a')].filter((a) => !a.closest('[hidden]')).map(text).filter(Boolean);
      if (menu.length > 0) this.parts.push(t('reading-options', { options: menu.join('、') }));
      return;
    }
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) {
      if (node instanceof HTMLInputElement && !TYPED.has(node.type)) return;
      this.flush();
      const typed = node.value.trim();
      if (!typed) this.parts.push(t('reading-not-typed'));
      else this.parts.push(this.typed === 'said' ? t('reading-typed', { answer: typed }) : counted(typed));
      return;
    }
    // What tells who she is, shown as words (typed on a keypad, an answer on 核对): `data-private`
    // holds it as typed.
    const shownPrivate = node.getAttribute('data-private');
    if (shownPrivate && this.typed === 'counted') {
      this.flush();
      this.parts.push(counted(shownPrivate));
      return;
    }
    // A picture, or what is typed shown masked (●●●●), by its label.
    const labelled = node.getAttribute('role') === 'img' || node.tagName === 'OUTPUT';
    const label = labelled ? node.getAttribute('aria-label') : null;
    if (label) {
      this.words += ` ${label} `;
      return;
    }
    const separate = SEPARATE.has(node.tagName);
    if (separate) this.flush();
    for (const child of node.childNodes) this.visit(child);
    if (separate) this.flush();
  }
}

/** The elements matching `selector` inside `root` that are shown: nothing hidden is read (the
 * staff window keeps her work hidden and inert under the lock screen). */
function shown(root: HTMLElement, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((element) => !element.closest('[hidden], [inert]'));
}

/** The words 朗读 says for the page inside `root`: its heading first, then everything shown; what
 * a person typed is said, or only counted where others could hear it. */
export function pageReading(root: HTMLElement, { typed = 'said' }: { typed?: TypedReading } = {}): string {
  const heading = text(shown(root, 'h1')[0]);
  const reading = new Reading(heading, typed);
  reading.visit(root);
  reading.flush();
  const parts = heading ? [heading, ...reading.parts] : reading.parts;
  return parts.join('。').replace(/([。？！：；，、])。/g, '$1');
}
