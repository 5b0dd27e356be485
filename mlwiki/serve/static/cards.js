// mlwiki serve: the card browser. Filters go to /api/cards; a row opens the card (rendered by the server) with its
// history; Suspend / Unsuspend are POSTs with the page's token.
"use strict";
(() => {
  const token = document.querySelector('meta[name="mlwiki-token"]').content;
  const form = document.getElementById("filters");
  const body = document.querySelector("#cards tbody");
  const total = document.getElementById("total");
  const probe = (window.mlwiki = { lists: 0, details: 0 });
  let timer = null;
  let asked = 0;

  async function request(path, post) {
    const response = await fetch(path, post ? { method: "POST", headers: { "x-mlwiki-token": token } } : {});
    if (!response.ok) throw new Error(await response.text());
    return response.json();
  }

  function cell(text, className, html) {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (html) td.innerHTML = text; else td.textContent = text;
    return td;
  }

  // a dropped card can only be undropped; any other can be suspended or unsuspended, and dropped as "not a card"
  function flagButtons(card, after) {
    const actions = card.dropped ? [["undrop", "Undrop"]]
      : [card.suspended ? ["unsuspend", "Unsuspend"] : ["suspend", "Suspend"], ["drop", "Not a card"]];
    return actions.map(([action, label]) => {
      const button = document.createElement("button");
      button.textContent = label;
      button.dataset.action = action;
      button.addEventListener("click", async (event) => {
        event.stopPropagation();
        after(await request(`/api/cards/${encodeURIComponent(card.id)}/${action}`, true));
      });
      return button;
    });
  }

  function row(card) {
    const tr = document.createElement("tr");
    tr.className = "row";
    tr.dataset.card = card.id;
    const state = cell(card.state, "c-state state-" + card.state.split(" ")[0]);
    const flag = cell("", "c-flag");
    const update = (detail) => {
      card.suspended = detail.suspended;
      card.dropped = detail.dropped;
      card.state = detail.state;
      state.textContent = detail.state;
      state.className = "c-state state-" + detail.state.split(" ")[0];
      flag.replaceChildren(...flagButtons(card, update));
      const open = tr.nextElementSibling;
      if (open && open.classList.contains("open")) open.replaceWith(detailRow(detail));
      window.mlwikiFit(tr.parentElement);
    };
    flag.append(...flagButtons(card, update));
    tr.append(cell(card.front, "c-front", true), cell(card.deck, "c-deck"), state, cell(card.due, "c-due"),
      cell(card.lapses ? `${card.reviews} (${card.lapses} lapses)` : String(card.reviews), "c-reviews"), flag);
    tr.addEventListener("click", () => toggle(tr, card));
    return tr;
  }

  function detailRow(detail) {
    const tr = document.createElement("tr");
    tr.className = "open";
    const td = cell("", "detail");
    td.colSpan = 6;
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = `${detail.deck} · ${detail.where} · ${detail.state}` + (detail.due ? ` · due ${detail.due}` : "");
    const front = document.createElement("section");
    front.className = "side front";
    front.innerHTML = detail.front;
    const back = document.createElement("section");
    back.className = "side back";
    back.innerHTML = detail.back;
    const history = document.createElement("table");
    history.className = "history";
    history.innerHTML = "<thead><tr><th>When</th><th>Rating</th><th>State</th><th>Interval</th><th>Time</th></tr></thead>";
    const rows = document.createElement("tbody");
    for (const h of detail.history) {
      const r = document.createElement("tr");
      for (const text of [h.when, h.rating, `${h.from} → ${h.to}`, h.interval, `${h.seconds}s`]) r.append(cell(text));
      rows.append(r);
    }
    history.append(rows);
    const none = document.createElement("p");
    none.className = "meta";
    none.textContent = detail.history.length ? `${detail.history.length} reviews` : "Never reviewed.";
    history.hidden = !detail.history.length;
    td.append(meta, front, back, none, history);
    tr.append(td);
    return tr;
  }

  async function toggle(tr, card) {
    const next = tr.nextElementSibling;
    if (next && next.classList.contains("open")) { next.remove(); return; }
    const detail = await request(`/api/cards/${encodeURIComponent(card.id)}`);
    tr.after(detailRow(detail));
    window.mlwikiFit(tr.parentElement);
    probe.details += 1;
  }

  function offer(id, values) {
    document.getElementById(id).replaceChildren(...values.map((value) => {
      const option = document.createElement("option");
      option.value = value;
      return option;
    }));
  }

  async function search() {
    const query = new URLSearchParams([...new FormData(form)].filter(([, value]) => value.trim()));
    const address = location.pathname + (query.size ? "?" + query : "");
    if (address !== location.pathname + location.search) history.replaceState(null, "", address);
    const mine = ++asked;
    const found = await request("/api/cards?" + query);
    if (mine !== asked) return; // a newer search is on its way
    body.replaceChildren(...found.cards.map(row));
    if (![...new FormData(form).values()].some((value) => value.trim())) {
      offer("decks", found.decks);  // the unfiltered list names every deck and tag: offer them as completions
      offer("tags", found.tags);
    }
    const cards = `${found.total} card${found.total === 1 ? "" : "s"}`;
    total.textContent = found.total === found.shown ? cards : `${cards}, first ${found.shown} shown`;
    probe.lists += 1;
  }

  for (const [name, value] of new URLSearchParams(location.search)) {
    if (form.elements[name]) form.elements[name].value = value;
  }
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 150); });
  form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
  search();
})();
