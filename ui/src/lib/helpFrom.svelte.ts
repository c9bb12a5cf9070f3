// The page she was on when she pressed 求助 in the top bar: its heading, sent with a call-back so
// that whoever calls knows where she got stuck.

/** The heading of the page 求助 was pressed on; null when opened from home. */
export const helpFrom: { page: string | null } = $state({ page: null });

/** Remembers the page shown in `main` as where 求助 was pressed. */
export function rememberHelpFrom(main: HTMLElement | undefined): void {
  const heading = main?.querySelector('h1')?.textContent?.trim() ?? '';
  helpFrom.page = heading === '' ? null : heading;
}
