// The kiosk as its window knows it: whether someone is using it (and her masked name), and how long
// to wait without a touch before asking 还在吗？. Asked of the shell when the window opens and after
// each change.

import { kioskStatus } from './ipc';
import type { KioskView } from './types';

/** Where the kiosk stands; `known` once the shell has answered; `here` in the kiosk's own window
 *  (no keyboard: numbers and dates are entered on on-screen keys). */
export const kiosk = $state({
  here: false,
  known: false,
  view: {
    in_use: false,
    person: null,
    idle_seconds: 90,
    countdown_seconds: 30,
    printer_problem: null,
    card_reader: false,
  } as KioskView,
});

/** Shows `view` (what a kiosk command answered). */
export function showKiosk(view: KioskView): void {
  kiosk.view = view;
  kiosk.known = true;
}

/** Asks the shell where the kiosk stands. */
export async function loadKiosk(): Promise<void> {
  try {
    showKiosk(await kioskStatus());
  } catch {
    // Shown as it was; the next change asks again.
    kiosk.known = true;
  }
}

/** Routes a visitor may not open on a kiosk: her login and logins, settings that outlive the visit,
 * the component gallery. */
export const NOT_ON_A_KIOSK = new Set(['settings', 'logins', 'kiosk-login', 'login', 'logout', 'gallery']);

/** 请工作人员过来 as the kiosk's frame asks it (set by the frame), for a page that offers it too
 *  (不会打字？ beside the pinyin keyboard). Unset outside a kiosk's window. */
export const staffHelp: { ask: (() => void) | null } = { ask: null };
