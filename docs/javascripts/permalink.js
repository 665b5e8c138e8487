/* "Link kopieren": copy an item's permanent address to the clipboard.
 * Progressive: without JavaScript the buttons stay hidden and the address is plain text to select.
 * No inline handlers (a Content-Security-Policy forbids inline script). */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {  // file:// copies and old browsers
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  var english = document.documentElement.lang === "en";  // the English edition's words

  function setup(root) {
    root.querySelectorAll("button.bkk-copy[data-copy]").forEach(function (button) {
      if (button.dataset.bkkReady) { return; }
      button.dataset.bkkReady = "1";
      var label = button.textContent;
      var status = document.createElement("span");
      status.className = "bkk-copy__status";
      status.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", status);
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(button.dataset.copy).then(function () {
          status.textContent = (english ? "Copied: " : "Kopiert: ") + button.dataset.copy;
        }, function () {
          status.textContent = english ? "Copying is not possible – please select the address and copy it."
            : "Kopieren nicht möglich – bitte die Adresse markieren und kopieren.";
        });
        window.setTimeout(function () { status.textContent = ""; button.textContent = label; }, 4000);
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setup(document); });  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setup(document); });
  } else {
    setup(document);
  }
})();
