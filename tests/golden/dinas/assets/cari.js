/* Pencarian statis: mencari di indeks yang dibuat saat penyusunan (assets/indeks-cari.js).
   Tanpa server, tanpa pustaka luar; berjalan juga dari file:// dan dari sub-folder. */
(function () {
  "use strict";
  var index = window.INDEKS_CARI || [];
  var input = document.getElementById("kata-cari");
  var list = document.getElementById("hasil-cari");
  var summary = document.getElementById("hasil-ringkas");
  if (!input || !list || !summary) { return; }

  function norm(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var prepared = index.map(function (e) { return { e: e, t: norm(e.t), j: norm(e.j) }; });

  function snippet(entry, term) {
    var at = norm(entry.t).indexOf(term);
    var start = Math.max(0, at - 70);
    var text = entry.t.slice(start, at + term.length + 110);
    var item = document.createElement("p");
    item.className = "cuplikan";
    var from = at - start;
    item.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(0, from)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(from, from + term.length);
    item.appendChild(mark);
    item.appendChild(document.createTextNode(text.slice(from + term.length) + "…"));
    return item;
  }

  function search(query) {
    var terms = norm(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    list.textContent = "";
    if (!terms.length) { summary.textContent = ""; return; }
    var hits = [];
    prepared.forEach(function (p) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inText = p.t.split(terms[i]).length - 1;
        var inTitle = p.j.indexOf(terms[i]) >= 0 ? 5 : 0;
        if (!inText && !inTitle) { return; }
        score += inText + inTitle;
      }
      hits.push({ p: p, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    summary.textContent = hits.length ? hits.length + " bagian memuat “" + query + "”." :
      "Tidak ada bagian yang memuat “" + query + "”.";
    hits.slice(0, 50).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.p.e.u;
      a.textContent = h.p.e.j;
      li.appendChild(a);
      if (h.p.t.indexOf(terms[0]) >= 0) { li.appendChild(snippet(h.p.e, terms[0])); }
      list.appendChild(li);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  search(query);
  input.addEventListener("input", function () { search(input.value); });
})();
