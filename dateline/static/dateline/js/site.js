// Progressive enhancement only: the site works without JavaScript.
// On phones the section bar scrolls sideways; bring the current section into view.
(function () {
  var current = document.querySelector(".sections [aria-current]");
  if (!current) return;
  var bar = current.closest("ul");
  var a = current.getBoundingClientRect(), b = bar.getBoundingClientRect();
  bar.scrollLeft += (a.left + a.width / 2) - (b.left + b.width / 2);
})();
