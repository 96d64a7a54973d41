/* The certificates page (organiser/certificates.html): while certificates are being issued in
 * the background, the progress bar follows the run every few seconds; when the run ends the
 * page reloads, so the list shows the new certificates. Without this script, the page says
 * to reload. A failed look keeps what is shown. */
(function () {
  "use strict";

  var box = document.getElementById("certificate-progress");
  if (!box || box.getAttribute("data-finished") === "1") return;
  var url = box.getAttribute("data-url");
  var seconds = parseInt(box.getAttribute("data-seconds"), 10) || 2;
  var bar = document.getElementById("certificate-progress-bar");
  var text = document.getElementById("certificate-progress-text");
  var template = text.textContent;
  var busy = false;

  function show(run) {
    bar.max = Math.max(run.total, 1);
    bar.value = run.total ? run.processed : 1;
    bar.textContent = run.percent + "%";
    // The sentence is the server's, in the page's language; only its numbers change.
    var numbers = [run.processed, run.total, run.issued, run.skipped, run.failed];
    var index = 0;
    text.textContent = template.replace(/\d+/g, function (found) {
      return index < numbers.length ? String(numbers[index++]) : found;
    });
  }

  function look() {
    if (busy || document.visibilityState === "hidden") return;
    busy = true;
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (!response.ok || response.redirected || type.indexOf("application/json") !== 0) return null;
        return response.json();
      })
      .then(function (data) {
        if (!data || !data.run) return;
        show(data.run);
        if (data.run.finished) window.location.reload();
      }, function () { return null; })
      .then(function () { busy = false; });
  }

  window.setInterval(look, seconds * 1000);
  document.addEventListener("visibilitychange", look);
})();
