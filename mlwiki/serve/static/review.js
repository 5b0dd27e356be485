// mlwiki serve: the review page. The server holds the session (queue, undo, scheduling); this script only shows
// its state and sends the keys. Card HTML arrives sanitized and typeset by the server.
"use strict";
(() => {
  const token = document.querySelector('meta[name="mlwiki-token"]').content;
  const $ = (id) => document.getElementById(id);
  const ui = { front: $("front"), back: $("back"), done: $("done"), meta: $("meta"), heading: $("heading"),
    counts: $("counts"), revealBar: $("reveal-bar"), ratings: $("ratings"), tools: $("tools"), message: $("message"),
    help: $("help") };
  let view = null;
  let revealed = false;
  let busy = false;
  // for tests and the benchmark: how many states were drawn, and how long the last action took (key to drawn)
  const probe = (window.mlwiki = { renders: 0, latency: null, card: null });

  async function request(path, body) {
    const options = body === undefined ? {} : { method: "POST", body: JSON.stringify(body),
      headers: { "content-type": "application/json", "x-mlwiki-token": token } };
    const response = await fetch(path, options);
    if (!response.ok && response.status !== 409) {
      const text = await response.text();
      let reason = text;
      try { reason = JSON.parse(text).error || text; } catch (_) { /* plain text */ }
      throw new Error(reason);
    }
    return response.json();
  }

  // the terminal's header: learning · review · new, the current card's count underlined
  function counts(c, current) {
    ui.counts.replaceChildren();
    for (const key of ["learning", "review", "new"]) {
      const span = document.createElement("span");
      span.className = `n-${key}` + (key === current ? " now" : "");
      span.textContent = c[key];
      const label = document.createElement("small");
      label.textContent = ` ${key}`;
      if (ui.counts.childElementCount) ui.counts.append(" · ");
      ui.counts.append(span, label);
    }
  }

  function draw() {
    const card = view.card;
    counts(view.counts, card ? card.queue : null);
    ui.message.textContent = view.message || "";
    document.body.dataset.side = card ? (revealed ? "back" : "front") : "done";
    probe.card = card ? card.id : null;
    ui.done.hidden = !!card;
    for (const el of [ui.front, ui.meta, ui.heading, ui.revealBar]) el.hidden = !card;
    ui.back.hidden = !card || !revealed;
    ui.ratings.hidden = !card || !revealed;
    ui.revealBar.hidden = !card || revealed;
    for (const button of ui.tools.querySelectorAll("[data-act]")) {
      button.disabled = button.dataset.act === "undo" ? !view.can_undo : !card;
    }
    if (!card) {
      ui.done.textContent = "Congratulations! " + view.done;
      document.title = "mlwiki review — done";
      waitForMore();
      return;
    }
    if (ui.front.dataset.card !== card.id || ui.front.dataset.html !== String(card.front.length)) {
      ui.meta.textContent = `${card.deck} · ${card.where} · ${card.kind}`;
      ui.heading.textContent = card.heading;
      ui.front.innerHTML = card.front;
      ui.back.innerHTML = card.back;
      ui.front.dataset.card = card.id;
      ui.front.dataset.html = String(card.front.length);
      ui.ratings.replaceChildren(...view.ratings.map(rateButton));
      document.title = `mlwiki review — ${card.where}`;
      window.scrollTo(0, 0);
    }
    window.mlwikiFit(document); // the side just shown: wide formulas as rows
  }

  // done for now: ask again every half minute, so a learning card shows when it comes due (as Anki does)
  let waiting = null;
  function waitForMore() {
    clearTimeout(waiting);
    waiting = setTimeout(() => {
      if (!busy && view && !view.card) request("/api/state").then(show).catch(() => waitForMore());
    }, 30000);
  }

  function rateButton(r) {
    const button = document.createElement("button");
    button.className = `r${r.rating}`;
    button.dataset.rating = r.rating;
    const label = document.createElement("span");
    label.textContent = `${r.label} `;
    const key = document.createElement("kbd");
    key.textContent = r.rating;
    label.append(key);
    const interval = document.createElement("span");
    interval.className = "interval";
    interval.textContent = r.interval;
    button.append(label, interval);
    button.addEventListener("click", () => act("answer", r.rating));
    return button;
  }

  function show(next) {
    const newCard = !view || !next.card || !view.card || next.card.id !== view.card.id || next.reviewed !== view.reviewed;
    view = next;
    if (newCard) revealed = false;
    draw();
    probe.renders += 1;
  }

  async function act(action, rating) {
    if (busy || !view) return;
    if (action === "answer" && !revealed) return;
    if (action !== "undo" && !view.card) return;
    busy = true;
    const started = performance.now();
    try {
      const next = await request("/api/act", { action, card: view.card ? view.card.id : null, rating: rating || 0 });
      if (action === "undo") view = null; // the undone card starts on its front again
      show(next);
      void document.body.offsetHeight; // layout done: what the reader sees
      probe.latency = performance.now() - started;
    } catch (error) {
      ui.message.textContent = `Not saved: ${error.message}`;
    } finally {
      busy = false;
    }
  }

  function reveal() {
    if (!view || !view.card || revealed) return;
    revealed = true;
    draw();
    ui.ratings.querySelector("button[data-rating='3']")?.focus({ preventScroll: true });
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (ui.help.open) {
      if (event.key === "?") { ui.help.close(); event.preventDefault(); }
      return;
    }
    const key = event.key;
    if (key === " " || key === "Enter") {
      event.preventDefault();
      reveal();
    } else if (["1", "2", "3", "4"].includes(key)) {
      act("answer", Number(key));
    } else if (key === "u" || key === "s" || key === "b" || key === "x") {
      act({ u: "undo", s: "suspend", b: "bury", x: "drop" }[key]);
    } else if (key === "?") {
      ui.help.showModal();
    } else {
      return;
    }
    event.preventDefault();
  });
  $("reveal").addEventListener("click", reveal);
  $("help-open").addEventListener("click", () => ui.help.showModal());
  for (const button of ui.tools.querySelectorAll("[data-act]")) {
    button.addEventListener("click", () => act(button.dataset.act));
  }
  // back in this tab after a while (or after `mlwiki review` in a terminal): show what is current now
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && !busy) request("/api/state").then(show);
  });
  request("/api/state").then(show).catch((error) => { ui.message.textContent = error.message; });
})();
