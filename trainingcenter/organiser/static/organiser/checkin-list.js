/* Who is checked in (organiser/checkin_list.html): the list refreshes itself every few
 * seconds while the page is shown, and at once when it is shown again. The server
 * renders the part that changes (?live=1); a failed refresh keeps what is shown. */
(function () {
  "use strict";

  var live = document.getElementById("checkin-live");
  if (!live) return;
  var url = live.getAttribute("data-url");
  var seconds = parseInt(live.getAttribute("data-seconds"), 10) || 5;
  var busy = false;

  function refresh() {
    if (busy || document.visibilityState === "hidden") return;
    busy = true;
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        // Signed out: the answer is the login page, not the list; keep the list shown.
        if (!response.ok || response.redirected || type.indexOf("text/html") !== 0) return null;
        return response.text();
      })
      .then(function (html) {
        if (html !== null) live.innerHTML = html;
      }, function () { return null; })
      .then(function () { busy = false; });
  }

  window.setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", refresh);
  window.addEventListener("focus", refresh);
})();
