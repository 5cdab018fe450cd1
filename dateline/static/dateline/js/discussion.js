// The personal part of the discussion, loaded after the shared (cacheable) article page.
// Without JavaScript the page still shows the comments and the log in / register prompt,
// and every action (write, reply, react, report) is a link to a page of its own.
(function () {
  "use strict";
  var section = document.querySelector("[data-discussion-personal-url]");
  if (!section || !window.fetch) return;
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
