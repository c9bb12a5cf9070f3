// Words drawn under something else, and words cut off by the box that holds them. The page
// scrolling under the action bar kept at the window's foot is not a problem, nor the page under a
// dialog; words made for screen readers only (.visually-hidden) are cut off on purpose. Shared by
// the WebDriver suite (WebKit, page.rs) and the browser suite (harness.mjs `hiddenWords`, Chromium).
const problems = [];
const shown = (e) => {
  if (e.getClientRects().length === 0) return false;
  const closed = e.closest('details:not([open])');
  if (closed && !e.closest('summary')?.parentElement?.isSameNode(closed)) return false;
  for (let up = e; up; up = up.parentElement) {
    const style = getComputedStyle(up);
    if (style.visibility === 'hidden' || style.opacity === '0') return false;
  }
  return true;
};
const control = (e) => e.closest('label, button, a, summary');
const bar = (e) => e.closest('.action-bar');
// A dialog over the page (还在吗？) covers it on purpose: only the dialog's own words count then.
const modal = document.querySelector('[aria-modal="true"], dialog[open]');
const cover = modal?.closest('.backdrop') ?? modal;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const holder = node.parentElement;
  const words = node.textContent.trim();
  if (!words || holder.closest('.visually-hidden, [aria-hidden="true"], style, script')) continue;
  if (!shown(holder) || (cover && !cover.contains(holder))) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  for (const r of range.getClientRects()) {
    const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
    if (r.width === 0 || y < 0 || y >= innerHeight || x < 0 || x >= innerWidth) continue;
    const hit = document.elementFromPoint(x, y);
    if (!hit || hit === holder || holder.contains(hit) || hit.contains(holder)) continue;
    if (control(hit) && control(hit) === control(holder)) continue;
    if (bar(hit) && !bar(holder)) continue;
    problems.push(`“${words.slice(0, 12)}” under ${hit.tagName.toLowerCase()}.${hit.className}`);
    break;
  }
}
const cuts = (overflow) => overflow === 'hidden' || overflow === 'clip';
for (const e of document.body.querySelectorAll('*')) {
  const style = getComputedStyle(e);
  if (!cuts(style.overflowX) && !cuts(style.overflowY)) continue;
  if (e.closest('.visually-hidden') || !e.textContent.trim() || !shown(e)) continue;
  const across = cuts(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
  const down = cuts(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
  if (across || down) {
    problems.push(`“${e.textContent.trim().slice(0, 12)}” cut off by its ${e.tagName.toLowerCase()}.${e.className}`);
  }
}
return problems;
