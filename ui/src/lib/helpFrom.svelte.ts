// The page she was on when she pressed 求助 in the top bar: its heading (with the form it is part of,
// on a question of a form), sent with a call-back or a text to a relative so that whoever helps
// knows where she got stuck.

/** The heading of the page 求助 was pressed on; null when opened from home. */
export const helpFrom: { page: string | null } = $state({ page: null });

/** Remembers the page shown in `main` as where 求助 was pressed: 高龄津贴申领（钱发到哪张银行卡）. */
export function rememberHelpFrom(main: HTMLElement | undefined): void {
  const heading = main?.querySelector('h1')?.textContent?.trim() ?? '';
  const partOf = main?.querySelector('[data-part-of]')?.textContent?.trim() ?? '';
  if (heading === '') {
    helpFrom.page = partOf === '' ? null : partOf;
  } else {
    helpFrom.page = partOf === '' ? heading : `${partOf}（${heading}）`;
  }
}
