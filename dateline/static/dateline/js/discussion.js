// The discussion's script, on every reader page (registered with news.extensions).
// 1. Article cards and lead stories: comment counts fetched for the whole listing at once, so that listing
//    pages stay cached whatever happens in the discussions. Without JavaScript the cards
//    stay as they are.
// 2. Article pages: the personal part of the discussion, loaded after the shared (cacheable)
//    page. Without JavaScript the page still shows the comments and the log in / register
//    prompt, and every action (write, reply, react, report) is a link to a page of its own.
(function () {
  "use strict";
  if (!window.fetch) return;
  var script = document.currentScript;
  var MAX_IDS = 60;

  function showCounts(cards, articles) {
    cards.forEach(function (card) {
      var found = articles[card.getAttribute("data-discussion-article")];
      var title = card.querySelector(".card__title a, .lead-story__title a");
      if (!found || !found.count || !title || card.querySelector(".card__comments")) return;
      var link = document.createElement("a");
      link.className = "card__comments";
      link.href = title.getAttribute("href") + "#discussion";
      link.textContent = found.text;
      var about = document.createElement("span");
      about.className = "visually-hidden";
      about.textContent = ": " + title.textContent;
      link.appendChild(about);
      // On the line of the date when there is one: the card does not grow (no layout shift).
      var line = card.querySelector(".meta");
      if (line) {
        line.appendChild(document.createTextNode(" · "));
      } else {
        line = document.createElement("p");
        line.className = "meta";
        card.querySelector(".card__body, .lead-story__body").appendChild(line);
      }
      line.appendChild(link);
    });
  }

  function loadCounts() {
    var url = script && script.getAttribute("data-counts-url");
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-discussion-article]"));
    if (!url || !cards.length) return;
    var ids = [];
    cards.forEach(function (card) {
      var id = card.getAttribute("data-discussion-article");
      if (/^[0-9]+$/.test(id) && ids.indexOf(id) < 0) ids.push(id);
    });
    // Sorted, so that every page listing the same articles asks the same (cached) URL.
    ids.sort(function (a, b) { return a - b; });
    for (var start = 0; start < ids.length; start += MAX_IDS) {
      fetch(url + "?ids=" + ids.slice(start, start + MAX_IDS).join(","), {
        headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (data) {
        if (data && data.articles) showCounts(cards, data.articles);
      }).catch(function () { /* the cards stay as they are */ });
    }
  }

  loadCounts();
  var section = document.querySelector("[data-discussion-personal-url]");
  if (!section) return;
  var slot = section.querySelector("[data-discussion-personal]");

  function markReactions() {
    var data = document.getElementById("discussion-reactions");
    if (!data) return;
    var mine = JSON.parse(data.textContent);
    Object.keys(mine).forEach(function (id) {
      var link = section.querySelector('[data-comment="' + id + '"] [data-action="react"]');
      if (link) link.classList.add("comment__reacted");
    });
  }

  function reactInPlace(event) {
    var link = event.target.closest('[data-action="react"]');
    var token = slot.querySelector("[name=csrfmiddlewaretoken]");
    if (!link || !token) return;
    event.preventDefault();
    var body = new FormData();
    body.append("kind", "like");
    fetch(link.href, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token.value, Accept: "application/json" }
    }).then(function (response) {
      if (!response.ok) { window.location = link.href; return null; }
      return response.json();
    }).then(function (result) {
      if (!result) return;
      link.classList.toggle("comment__reacted", result.on);
      link.setAttribute("aria-pressed", result.on ? "true" : "false");
    });
  }

  // A shared cache may hold the page for a while: the comments come fresh (shared caches
  // keep them 5 s, browsers not at all).
  function refreshComments() {
    var thread = section.querySelector("[data-discussion-thread]");
    var url = section.getAttribute("data-discussion-comments-url");
    if (!thread || !url) return Promise.resolve();
    return fetch(url + window.location.search, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("[data-discussion-thread]");
        if (fresh && fresh.innerHTML !== thread.innerHTML) thread.replaceWith(fresh);
      })
      .catch(function () { /* keep what the page had */ });
  }

  var fresh = refreshComments();
  fetch(section.getAttribute("data-discussion-personal-url"), {
    credentials: "same-origin",
    headers: { Accept: "text/html" }
  }).then(function (response) {
    return response.ok ? response.text() : null;
  }).then(function (html) {
    if (html === null || !html.trim()) return;
    slot.innerHTML = html;
    fresh.then(markReactions);
    section.addEventListener("click", reactInPlace);
  }).catch(function () { /* keep the shared prompt */ });
})();
