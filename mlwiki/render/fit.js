// mlwiki serve and the card page: a display formula too wide for the page shows as rows. The server sends each such formula once on
// one line and then as `aligned` rows (widest rows first, mlwiki/render/display_rows.py); a browser cannot break
// MathML lines, so this shows the first version that fits the formula's box, else the narrowest (it scrolls).
"use strict";
window.mlwikiFit = (root) => {
  for (const block of root.querySelectorAll(".math-block")) {
    const versions = block.querySelectorAll(":scope > .math-version");
    if (versions.length < 2 || block.clientWidth === 0) continue; // one version, or not on screen
    let chosen = versions.length - 1;
    for (let i = 0; i < versions.length; i++) {
      versions.forEach((version, j) => { version.hidden = j !== i; });
      if (block.scrollWidth <= block.clientWidth + 1) { chosen = i; break; }
    }
    versions.forEach((version, j) => { version.hidden = j !== chosen; });
  }
};
let mlwikiFitting = null;
window.addEventListener("resize", () => {
  clearTimeout(mlwikiFitting);
  mlwikiFitting = setTimeout(() => window.mlwikiFit(document), 100);
});
