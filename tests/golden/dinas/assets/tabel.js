/* Wide tables, measured once the page is laid out (and again when the window changes size): a
   wide table stays in the text column, or keeps the ordinary type size, where it fits so; the
   "Geser tabel" hint shows only where a table really overflows its box; and where it does, a
   group's header label stays beside the column that stays put. Without this script the page
   works as well: wide tables are set tight, beside the text column, and the hint follows the
   width the build estimated (style.css, "geser-N"). */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".gulir");
  if (!boxes.length) { return; }
  document.documentElement.classList.add("tabel-diukur");

  function overflowing(box) { return box.scrollWidth > box.clientWidth + 1; }

  function measure() {
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i], figure = box.parentNode;
      if (figure.classList.contains("lebar")) {
        // the first that fits: within the text column, beside it, beside it with smaller type
        figure.classList.add("dalam", "longgar");
        if (overflowing(box)) { figure.classList.remove("dalam"); }
        if (overflowing(box)) { figure.classList.remove("longgar"); }
      }
      var overflows = overflowing(box);
      figure.classList.toggle("meluap", overflows);
      var frozen = box.querySelector("th.tetap");
      box.style.setProperty("--lebar-tetap", (overflows && frozen ? frozen.offsetWidth : 0) + "px");
    }
  }

  var pending = false;
  function later() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; measure(); });
  }
  measure();
  window.addEventListener("resize", later);
  window.addEventListener("load", later);
}());
