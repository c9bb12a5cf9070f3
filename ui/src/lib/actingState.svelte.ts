// Whom the person logged in acts for now (亲友代办): the switch at the top between 我自己 and the
// people who agreed to his help. Core says who (`relatives_switch`) and changes it
// (`relatives_act_for`); every page is drawn anew after a change, for whoever is chosen.

import { relativesActFor, relativesSwitch } from './ipc';
import type { ActingSwitch } from './types';

/** The switch as the UI knows it (`null` until asked, or with nobody logged in); `version` grows with
 * every change of whom he acts for, so that the page is drawn anew. */
export const acting: { switch: ActingSwitch | null; version: number } = $state({
  switch: null,
  version: 0,
});

/** Asks core whom he may act for and whom he acts for now. */
export async function loadActing(): Promise<void> {
  try {
    acting.switch = await relativesSwitch();
  } catch {
    acting.switch = null;
  }
}

/** Forgets the switch (nobody is logged in). */
export function forgetActing(): void {
  acting.switch = null;
}

/** He acts for the person who agreed to `grantId` from now on (`null`: for himself). */
export async function actFor(grantId: string | null): Promise<void> {
  acting.switch = await relativesActFor(grantId);
  acting.version += 1;
}
