// Every visible link, button and choice smaller than `arguments[0]` CSS px either way.
const minimum = arguments[0];
const failures = [];
let checked = 0;
for (const element of document.querySelectorAll('a[href], button, label')) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  checked += 1;
  if (box.width < minimum || box.height < minimum) {
    failures.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 20)}" ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
  }
}
return { checked, failures };
