// The kiosk window's commands as the browser tests answer them, over `kiosk` (whether someone uses
// it, her masked name, its idle seconds; `approved` makes the first ask of the login say 张*英
// approved it on her phone; the staff PIN is 2468). Run in the page before the app, as an init
// script: it leaves the answers in `window.__kioskCommands` for the harness's table.

/** Puts the kiosk commands' answers in `window.__kioskCommands`. */
export function installKioskCommands({ kiosk, loginCode }) {
  const view = {
    in_use: false,
    person: null,
    idle_seconds: 90,
    countdown_seconds: 30,
    printer_problem: null,
    ...kiosk,
  };
  delete view.approved;
  let wrongPins = 0;
  window.__kioskCommands = {
    kiosk_status: () => view,
    // Asked again soon in the tests (the platform says every 5 s).
    kiosk_login_code: () => ({ ...loginCode, poll_seconds: 1 }),
    kiosk_login_wait: () => (kiosk?.approved ? { step: 'approved', name: '张*英' } : { step: 'waiting' }),
    kiosk_confirm: ({ itIsHer }) => {
      if (itIsHer) Object.assign(view, { in_use: true, person: '张*英' });
      return view;
    },
    kiosk_finish: () => {
      Object.assign(view, { in_use: false, person: null });
      window.__kioskFinished = true;
      return view;
    },
    kiosk_leave: ({ pin }) => {
      if (pin !== '2468') {
        wrongPins += 1;
        throw { code: 'kiosk-pin-wrong', message: `管理密码不对，还可以再试${5 - wrongPins}次。` };
      }
      window.__kioskLeft = true;
      return null;
    },
  };
}
