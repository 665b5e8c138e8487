// Two-click video: nothing is loaded from a video host until the reader presses the button.
// The page carries only data attributes (see generator/templates/video.md.j2); no inline script.
function bkkVideo() {
  document.querySelectorAll(".bkk-video").forEach(function (box) {
    var button = box.querySelector(".bkk-video__load");
    if (!button || button.dataset.bound) return;
    button.dataset.bound = "1";
    button.addEventListener("click", function () {
      var title = box.dataset.title || (document.documentElement.lang === "en" ? "Explainer video" : "Erklärvideo");
      var player;
      if (box.dataset.provider === "youtube") {
        player = document.createElement("iframe");
        player.src = "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(box.dataset.youtubeId) + "?autoplay=1";
        player.title = title;
        player.allow = "autoplay; encrypted-media; picture-in-picture";
        player.allowFullscreen = true;
        player.referrerPolicy = "strict-origin-when-cross-origin";
      } else {
        player = document.createElement("video");
        player.controls = true;
        player.preload = "metadata";
        player.src = box.dataset.src;
        player.setAttribute("aria-label", title);
        if (box.dataset.captions) {
          var track = document.createElement("track");
          track.kind = "captions";
          track.srclang = "de";
          track.label = "Deutsch";
          track.src = box.dataset.captions;
          track.default = true;
          player.appendChild(track);
        }
      }
      player.className = "bkk-video__player";
      player.tabIndex = 0;
      box.replaceChildren(player);
      player.focus();
    });
  });
}
if (typeof document$ !== "undefined") { document$.subscribe(bkkVideo); }
else { document.addEventListener("DOMContentLoaded", bkkVideo); }
