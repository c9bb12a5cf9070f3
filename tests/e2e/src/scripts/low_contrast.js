// Every visible element whose own text is drawn at less than `arguments[0]`:1 contrast against the
// background it sits on, computed from the colours the engine resolved (WCAG 2 relative luminance).
const minimum = arguments[0];
function parse(colour) {
  const parts = colour.match(/[\d.]+/g);
  if (!parts) return null;
  const [r, g, b, a = 1] = parts.map(Number);
  return { r, g, b, a };
}
function luminance({ r, g, b }) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function background(element) {
  for (let e = element; e; e = e.parentElement) {
    const colour = parse(getComputedStyle(e).backgroundColor);
    if (colour && colour.a > 0.5) return colour;
  }
  return { r: 255, g: 255, b: 255, a: 1 };
}
const failures = [];
let checked = 0;
for (const element of document.querySelectorAll('body *')) {
  const ownText = [...element.childNodes].some(
    (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '',
  );
  if (!ownText) continue;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
  if (style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
  const fore = parse(style.color);
  const back = background(element);
  const [light, dark] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
  const ratio = (light + 0.05) / (dark + 0.05);
  checked += 1;
  if (ratio < minimum) {
    failures.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 20)}" ${ratio.toFixed(2)}:1 (${style.color} on rgb(${back.r}, ${back.g}, ${back.b}))`);
  }
}
return { checked, failures };
