// The embedded TimelineJS view: the timeline's TimelineJS JSON (already HTML-escaped by linimasa's export) is
// fetched from this server and shown by the vendored TimelineJS, with no web font, so nothing comes from outside.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("timeline-embed");
  if (!el || !window.TL) { return; }
  fetch(el.dataset.source, {credentials: "same-origin"})
    .then(function (r) { return r.json(); })
    .then(function (data) {
      if (!data.events || !data.events.length) {
        el.textContent = "No event with a calendar date matches these filters.";
        return;
      }
      window.timeline = new TL.Timeline("timeline-embed", data, {
        script_path: el.dataset.scriptPath, font: null, language: "en", hash_bookmark: false,
        timenav_position: "bottom"
      });
    });
});
