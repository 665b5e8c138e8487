// Glossary tooltips for keyboard users. Material (content.tooltips) shows an <abbr title>
// tooltip on hover and while the element has focus, but <abbr> cannot take focus by itself.
// We make the first occurrence of each term focusable (not all: dozens of tab stops per page
// would hinder keyboard users) and let Escape close the tooltip (WCAG 1.4.13).
function bkkTooltips() {
  var seen = {};
  document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
    var key = abbr.textContent.trim();
    if (seen[key] || abbr.closest("a, button, h1")) return;
    seen[key] = true;
    abbr.tabIndex = 0;
  });
}
document.addEventListener("keydown", function (event) {
  if (event.key === "Escape" && document.activeElement && document.activeElement.tagName === "ABBR") {
    document.activeElement.blur();
  }
});
if (typeof document$ !== "undefined") { document$.subscribe(bkkTooltips); }
else { document.addEventListener("DOMContentLoaded", bkkTooltips); }
