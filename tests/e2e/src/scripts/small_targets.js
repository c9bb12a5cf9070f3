// Every visible element matching `arguments[1]` smaller than `arguments[0]` CSS px either way.
const [minimum, selector] = arguments;
const failures = [];
let checked = 0;
for (const element of document.querySelectorAll(selector)) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  checked += 1;
  if (box.width < minimum || box.height < minimum) {
    failures.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 20)}" ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
  }
}
return { checked, failures };
