// What a stranger at a kiosk cannot do with the page itself: open its context menu, zoom it with
// the keys or the wheel, select or drag its text (inputs excepted), or reload and leave it with the
// browser's keys. The shell refuses closing the window and navigating away from the app.

/** Keys refused with Ctrl (or ⌘): zoom, reload, find, print, save, open, new window, view source. */
const REFUSED_WITH_CONTROL = new Set(['+', '=', '-', '_', '0', 'r', 'f', 'p', 's', 'o', 'n', 'u', 'w']);
/** Keys refused on their own: reload, full screen, developer tools, caret browsing. */
const REFUSED_KEYS = new Set(['F5', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh']);

/** Whether `event`'s key is one the kiosk refuses. */
export function refusedKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (REFUSED_KEYS.has(event.key)) return true;
  if (event.altKey && ['ArrowLeft', 'ArrowRight', 'Home', 'F4'].includes(event.key)) return true;
  return (event.ctrlKey || event.metaKey) && REFUSED_WITH_CONTROL.has(event.key.toLowerCase());
}

/** Whether `target` takes typing (its text may be selected). */
function takesText(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName))
  );
}

/** Locks `win` down for a kiosk. */
export function lockDown(win: Window): void {
  const refuse = (event: Event) => event.preventDefault();
  win.addEventListener('contextmenu', refuse, { capture: true });
  win.addEventListener('dragstart', refuse, { capture: true });
  win.addEventListener('selectstart', (event) => takesText(event.target) || event.preventDefault(), {
    capture: true,
  });
  win.addEventListener(
    'keydown',
    (event) => {
      if (refusedKey(event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    { capture: true },
  );
  win.addEventListener('wheel', (event) => event.ctrlKey && event.preventDefault(), {
    capture: true,
    passive: false,
  });
  // Pinch zoom on a touch screen.
  win.addEventListener('gesturestart', refuse, { capture: true });
  win.document.documentElement.classList.add('kiosk');
}
