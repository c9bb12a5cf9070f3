// Whether someone is logged in, for the top bar and the pages that need a login.

import { logout, sessionStatus } from './ipc';

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

/** 退出: ends the login and wipes it from this computer. */
export async function endSession(): Promise<void> {
  await logout();
  session.loggedIn = false;
}
