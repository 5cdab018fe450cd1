/* Live updates: the breaking-news banner and live blogs, pushed by Server-Sent Events.
   Pages are complete without this script; it only keeps an open page up to date. */
(function () {
  "use strict";
  if (!("EventSource" in window)) return;

  function listen(element, handlers) {
    // The page (perhaps from the page cache) renders the id of the last event it includes:
    // the stream first replays what came after it. EventSource then reconnects by itself
    // with Last-Event-ID, which the server prefers to the query: nothing is missed.
    var url = element.dataset.liveStream;
    var after = element.dataset.lastEventId;
    if (after) url += (url.indexOf("?") < 0 ? "?" : "&") + "last-event-id=" + encodeURIComponent(after);
    var source = new EventSource(url);
    source.addEventListener("open", function () { element.dataset.liveState = "open"; });
    source.addEventListener("error", function () { element.dataset.liveState = "waiting"; });
    Object.keys(handlers).forEach(function (name) {
      source.addEventListener(name, function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (error) { return; }
        handlers[name](data);
      });
    });
    return source;
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content;
  }

  var banner = document.getElementById("live-banner");
  if (banner && banner.dataset.liveStream) {
    listen(banner, {
      alert: function (data) {
        banner.replaceChildren(fragment(data.html || ""));
      }
    });
  }

  var blog = document.querySelector("[data-live-blog]");
  if (blog && blog.dataset.liveStream) {
    var status = document.getElementById("live-blog-status");
    listen(blog, {
      entry: function (data) {
        var node = fragment(data.html).firstElementChild;
        if (!node) return;
        var existing = document.getElementById("entry-" + data.id);
        if (existing) { existing.replaceWith(node); return; }
        var empty = blog.querySelector(".live-blog__empty");
        if (empty) empty.remove();
        var entries = blog.querySelectorAll("[data-entry-id]");
        var before = null;
        for (var i = 0; i < entries.length; i++) {
          if ((entries[i].dataset.time || "") < (node.dataset.time || "")) { before = entries[i]; break; }
        }
        blog.insertBefore(node, before);
        if (status) status.textContent = status.dataset.newEntry || "";
      },
      remove: function (data) {
        var existing = document.getElementById("entry-" + data.id);
        if (existing) existing.remove();
      },
      summary: function (data) {
        var header = document.getElementById("live-blog-header");
        var node = fragment(data.html).firstElementChild;
        if (header && node) header.replaceWith(node);
      }
    });
  }
})();
