/* Saringan beranda portal: menyembunyikan baris yang tidak sesuai dengan jenis dan tahun yang dipilih.
   Tanpa JavaScript semua baris tampil. Pilihan juga dibaca dari alamat (?jenis=...&tahun=...). */
(function () {
  "use strict";
  var form = document.getElementById("saring");
  var jenis = document.getElementById("saring-jenis");
  var tahun = document.getElementById("saring-tahun");
  var summary = document.getElementById("saring-ringkas");
  if (!form || !jenis || !tahun) { return; }
  form.hidden = false;
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-jenis]"));

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!jenis.value || row.getAttribute("data-jenis") === jenis.value) &&
        (!tahun.value || row.getAttribute("data-tahun") === tahun.value);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    summary.textContent = shown + " dari " + rows.length + " laporan ditampilkan.";
  }

  var params = new URLSearchParams(window.location.search);
  jenis.value = params.get("jenis") || "";
  tahun.value = params.get("tahun") || "";
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  jenis.addEventListener("change", apply);
  tahun.addEventListener("change", apply);
  apply();
})();
