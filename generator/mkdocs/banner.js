// Live preview only (bkk-site serve): show the content errors of the last save above the page.
// The page itself keeps the last good state; this banner says that it is out of date and why.
(function () {
  "use strict";
  var me = document.currentScript;
  var url = me ? me.src.replace(/banner\.js.*$/, "status.json") : "/_vorschau/status.json";
  var ID = "bkk-vorschau-fehler";
  var STYLE = "background:#b3261e;color:#fff;padding:12px 24px;font:15px/1.5 system-ui,sans-serif;position:relative;z-index:10";
  function show(status) {
    var old = document.getElementById(ID);
    if (old) { old.remove(); }
    if (!status || status.ok) { return; }
    var box = document.createElement("div");
    box.id = ID;
    box.setAttribute("role", "alert");
    box.style.cssText = STYLE;
    var title = document.createElement("p");
    title.style.cssText = "margin:0 0 6px;font-weight:700;font-size:17px";
    title.textContent = "Vorschau veraltet: der Inhalt enthält " + status.errors.length + " Fehler";
    box.appendChild(title);
    var list = document.createElement("ul");
    status.errors.slice(0, 20).forEach(function (e) {
      var li = document.createElement("li");
      var where = document.createElement("code");
      where.style.cssText = "color:#fff;background:rgba(0,0,0,.25);padding:0 4px";
      where.textContent = e.file + ":" + e.line + ":" + e.col;
      li.appendChild(where);
      li.appendChild(document.createTextNode(" " + e.message + (e.hint ? " – " + e.hint : "")));
      list.appendChild(li);
    });
    box.appendChild(list);
    list.style.cssText = "margin:0 0 6px;padding-left:20px";
    var note = document.createElement("p");
    note.style.margin = "0";
    note.textContent = "Die Seiten zeigen den letzten fehlerfreien Stand. Nach dem nächsten gültigen Speichern verschwindet dieser Hinweis.";
    box.appendChild(note);
    document.body.insertBefore(box, document.body.firstChild);
  }
  fetch(url, { cache: "no-store" }).then(function (r) { return r.json(); }).then(show).catch(function () {});
})();
