/* "Drucken / als PDF speichern" on the checklists: the button needs script, so it starts hidden
   and the page shows a sentence on how to print instead; with script the two swap. */
for (const button of document.querySelectorAll(".bkk-print-button")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
  const fallback = button.parentElement.querySelector(".bkk-print-fallback");
  if (fallback) fallback.hidden = true;
}
