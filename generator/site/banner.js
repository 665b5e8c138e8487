// Live preview only (bkk-site serve): show the content errors of the last save above the page.
// The page itself keeps the last good state; this banner says that it is out of date and why.
(function () {
  "use strict";
  var me = document.currentScript;
  var url = me ? me.src.replace(/banner\.js.*$/, "status.json") : "/_vorschau/status.json";
  var ID = "bkk-vorschau-fehler";
  function show(status) {
    var old = document.getElementById(ID);
    if (old) { old.remove(); }
    if (!status || status.ok) { return; }
    var box = document.createElement("div");
    box.id = ID;
    box.setAttribute("role", "alert");
    box.className = "admonition danger";
    box.style.margin = "0";
    box.style.borderRadius = "0";
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "Vorschau veraltet: der Inhalt enthält " + status.errors.length + " Fehler";
    box.appendChild(title);
    var list = document.createElement("ul");
    status.errors.slice(0, 20).forEach(function (e) {
      var li = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = e.file + ":" + e.line + ":" + e.col;
      li.appendChild(where);
      li.appendChild(document.createTextNode(" " + e.message + (e.hint ? " – " + e.hint : "")));
      list.appendChild(li);
    });
    box.appendChild(list);
    var note = document.createElement("p");
    note.textContent = "Die Seiten zeigen den letzten fehlerfreien Stand. Nach dem nächsten gültigen Speichern verschwindet dieser Hinweis.";
    box.appendChild(note);
    document.body.insertBefore(box, document.body.firstChild);
  }
  fetch(url, { cache: "no-store" }).then(function (r) { return r.json(); }).then(show).catch(function () {});
})();
