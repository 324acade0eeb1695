/* Event drill-down: evidence sentences highlighted inside their stories, sources, quotes, confidence. */
"use strict";
window.EWDetail = (function () {
  const body = () => document.getElementById("detail-body");

  /* Story text as HTML with the chosen evidence (and trigger) marked, other events' spans dimmer. */
  function highlight(text, evidence, trigger, others) {
    const marks = [{ start: evidence.start, end: evidence.end, cls: "evidence" }];
    (others || []).forEach((s) => {
      if (s.kind === "evidence" && (s.end <= evidence.start || s.start >= evidence.end)) {
        marks.push({ start: s.start, end: s.end, cls: "other" });
      }
    });
    marks.sort((a, b) => a.start - b.start);
    let html = "";
    let pos = 0;
    marks.forEach((m) => {
      if (m.start < pos || m.end > text.length || m.start >= m.end) return;
      html += EW.esc(text.slice(pos, m.start));
      let inner = EW.esc(text.slice(m.start, m.end));
      if (m.cls === "evidence" && trigger && trigger.start >= m.start && trigger.end <= m.end) {
        inner = EW.esc(text.slice(m.start, trigger.start)) + '<span class="trigger">' +
          EW.esc(text.slice(trigger.start, trigger.end)) + "</span>" + EW.esc(text.slice(trigger.end, m.end));
      }
      html += `<mark class="${m.cls}" data-start="${m.start}" data-end="${m.end}">${inner}</mark>`;
      pos = m.end;
    });
    return html + EW.esc(text.slice(pos));
  }

  function evidenceList(ev) {
    const all = [].concat(ev.evidence_list || [], ev.evidence ? [ev.evidence] : []);
    const seen = new Set();
    return all.filter((e) => {
      const key = e.document_id + ":" + e.start;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  function actorHtml(actor) {
    if (!actor) return "<em>unknown</em>";
    const bits = [EW.esc(EW.actorLabel(actor))];
    if (actor.text && actor.text !== actor.name) bits.push(`<small>("${EW.esc(actor.text)}")</small>`);
    if (actor.country) bits.push(`<small>${EW.esc(actor.country)}</small>`);
    if (actor.sector) bits.push(`<small>${EW.esc(actor.sector)}</small>`);
    return bits.join(" ");
  }

  async function storyHtml(evidence, trigger, triggerDoc) {
    let doc;
    try {
      doc = await EW.api("documents/" + encodeURIComponent(evidence.document_id));
    } catch (err) {
      return `<p class="meta">Story ${EW.esc(evidence.document_id)} not available (${EW.esc(err.message)}); ` +
        `evidence: <mark class="evidence">${EW.esc(evidence.sentence)}</mark></p>`;
    }
    const title = doc.title || doc.id;
    const meta = [doc.outlet, doc.published].filter(Boolean).map(EW.esc).join(" · ");
    const url = doc.url ? ` <small class="meta">${EW.esc(doc.url)}</small>` : "";
    const text = doc.text || "";
    // The trigger of this story's own report of the event (a merged event has one per story).
    const own = (doc.spans || []).find((s) => s.kind === "evidence" && s.start === evidence.start &&
      s.end === evidence.end && s.trigger);
    const storyTrigger = own ? own.trigger :
      (trigger && evidence.document_id === triggerDoc ? trigger : null);
    const sameTrigger = storyTrigger && storyTrigger.start >= evidence.start &&
      storyTrigger.end <= evidence.end ? storyTrigger : null;
    return `<h4>${EW.esc(title)}</h4><div class="meta">${meta}${url}</div>` +
      `<div class="story" data-document="${EW.esc(doc.id)}">${highlight(text, evidence, sameTrigger, doc.spans)}</div>`;
  }

  async function show(eventId) {
    body().innerHTML = "<p>Loading…</p>";
    let ev;
    try {
      ev = await EW.api("events/" + encodeURIComponent(eventId));
    } catch (err) {
      body().innerHTML = `<p class="error">${EW.esc(err.message)}</p>`;
      return;
    }
    const conf = Math.round((ev.confidence || 0) * 100);
    const quotes = (ev.quote_records || []).filter((q) => q && q.text);
    const titles = {};
    (ev.documents || []).forEach((d) => { titles[d.id] = d.title || d.id; });
    const sources = (ev.sources || []).map((id) => titles[id] ? `${titles[id]} (${id})` : id);
    const stories = await Promise.all(evidenceList(ev).map((e) => storyHtml(e, ev.trigger, ev.evidence && ev.evidence.document_id)));
    body().innerHTML =
      `<h3><span class="type-pill" style="background:${EW.color(ev.event_type)}">${EW.esc(ev.event_type)}</span> ` +
      `${EW.esc(ev.mode || "")}</h3>` +
      `<div class="meta">${EW.esc(ev.date || "date unknown")}${ev.date_precision ? " (" + EW.esc(ev.date_precision) + ")" : ""}` +
      ` · ${EW.esc(EW.placeLabel(ev.location) || "place unknown")}</div>` +
      `<h4>Evidence</h4>${stories.join("")}` +
      `<dl><dt>Actor</dt><dd>${actorHtml(ev.actor)}</dd><dt>Recipient</dt><dd>${actorHtml(ev.recipient)}</dd>` +
      `<dt>Confidence</dt><dd><span class="conf"><span style="width:${conf}%"></span></span>${(ev.confidence || 0).toFixed(2)}</dd>` +
      (ev.cameo ? `<dt>CAMEO</dt><dd>${EW.esc(ev.cameo)}</dd>` : "") +
      (ev.acled ? `<dt>ACLED</dt><dd>${EW.esc(ev.acled.event_type)} / ${EW.esc(ev.acled.sub_event_type || "")}</dd>` : "") +
      `<dt>Sources</dt><dd id="detail-sources">${sources.map(EW.esc).join(", ") || "none"}</dd></dl>` +
      `<h4>Quotes</h4>` + (quotes.length ? quotes.map((q) =>
        `<blockquote>“${EW.esc(q.text)}” — ${EW.esc(q.speaker || "unknown")}${q.role ? ", " + EW.esc(q.role) : ""}</blockquote>`
      ).join("") : '<p class="meta">none</p>');
    const mark = body().querySelector("mark.evidence");
    const story = mark && mark.closest(".story");
    if (story) story.scrollTop = mark.offsetTop - story.offsetTop - 40;
  }

  function init() {
    document.getElementById("close-detail").addEventListener("click", () => {
      body().innerHTML = '<p class="meta">No event selected.</p>';
    });
  }

  return { init, show, highlight };
})();
