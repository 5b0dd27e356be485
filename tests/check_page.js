(() => {
  // Layout checks of a page (see tests/browser.py CHECK_JS); returns a JSON-able object.
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
    " \"" + (el.textContent || "").trim().slice(0, 40) + "\"";
  const shown = (el) => el.checkVisibility ? el.checkVisibility() : !!el.getClientRects().length;
  const result = {width: innerWidth, scrollWidth: document.documentElement.scrollWidth, overflow: [], small: [],
                  overlap: [], amp: [], raw: [], panels: 0, tables: []};
  // 1. nothing spills out of its panel (content inside a scrolling or clipping box is that box's business)
  const panels = [...document.querySelectorAll("section, .tile")];
  result.panels = panels.length;
  for (const panel of panels) {
    const p = panel.getBoundingClientRect();
    for (const el of panel.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || !shown(el)) continue;
      let clipped = false;
      for (let a = el.parentElement; a && a !== panel; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") { clipped = true; break; }
      }
      if (!clipped && (r.right > p.right + 0.5 || r.left < p.left - 0.5)) {
        result.overflow.push(`${describe(el)} spans ${r.left.toFixed(0)}..${r.right.toFixed(0)} in panel ` +
                             `${p.left.toFixed(0)}..${p.right.toFixed(0)} (${describe(panel).slice(0, 60)})`);
      }
    }
  }
  // 2. chart text at 12 px or more
  for (const el of document.querySelectorAll(".chart *, .heat *, .legend, .legend *, .hbars *, svg text")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && shown(el) && parseFloat(getComputedStyle(el).fontSize) < 12) {
      result.small.push(`${describe(el)}: ${getComputedStyle(el).fontSize}`);
    }
  }
  // 3. chart labels do not overlap each other
  for (const axis of document.querySelectorAll(".x, .plot, .heat")) {
    const boxes = [...axis.children].filter(e => (e.tagName === "SPAN") && shown(e))
      .map(e => [e, e.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, ra] = boxes[i], [b, rb] = boxes[j];
      if (ra.left < rb.right - 0.5 && rb.left < ra.right - 0.5 && ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5) {
        result.overlap.push(`${describe(a)} / ${describe(b)}`);
      }
    }
  }
  for (const heat of document.querySelectorAll(".heat")) {
    const h = heat.getBoundingClientRect();
    for (const label of heat.querySelectorAll("span")) {
      const r = label.getBoundingClientRect();
      if (r.right > h.right + 0.5 || r.left < h.left - 0.5) result.overlap.push(`${describe(label)} outside its calendar`);
    }
  }
  // 4. tables of math: rows one above the other, cells side by side
  for (const table of document.querySelectorAll("mtable")) {
    if (!shown(table)) continue; // (a formula's version the page does not show)
    const rows = [...table.children].filter(e => e.tagName.toLowerCase() === "mtr");
    result.tables.push({rows: rows.map(r => r.getBoundingClientRect().top),
                        cells: rows.map(r => [...r.children].map(c => c.getBoundingClientRect().left)),
                        text: table.textContent.slice(0, 40)});
  }
  // 5. no TeX left in visible text, no <mi>&</mi>
  for (const mi of document.querySelectorAll("mi, mo")) {
    if (mi.textContent.trim() === "&") result.amp.push(describe(mi.parentElement));
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest("code, pre, script, style, title") || !shown(parent)) continue;
    texts.push(n.textContent);
  }
  const visible = texts.join(" ");
  for (const pattern of [/\$[^$\s][^$]*\$/g, /\\\(|\\\[|\\begin\{|\\frac|\\[A-Za-z]+\{/g]) {
    for (const m of visible.matchAll(pattern)) result.raw.push(m[0].slice(0, 60));
  }
  return result;
})()
