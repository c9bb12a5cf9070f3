// Whether someone is logged in, for the top bar and the pages that need a login.

import { logout, sessionStatus, unsent } from './ipc';
import type { LeaveUnsent } from './types';

/** The login as the UI knows it. */
export const session = $state({ loggedIn: false, known: false });

/** Asks the shell whether a login is kept. */
export async function loadSession(): Promise<void> {
  try {
    session.loggedIn = (await sessionStatus()).logged_in;
  } catch {
    session.loggedIn = false;
  }
  session.known = true;
}

/** 退出: ends the login and wipes it from this computer; what is not sent is kept for the next
 * login, unless `leave` is `discard`. */
export async function endSession(leave?: LeaveUnsent): Promise<void> {
  await logout(leave);
  session.loggedIn = false;
}

/** 退出 pressed: with nothing unsent the login ends at once (`true`); otherwise nothing happens
 * yet (`false`) and the person is asked first what to do with it. */
export async function leaveOrAsk(): Promise<boolean> {
  if (!(await unsent()).nothing) return false;
  await endSession();
  return true;
}
