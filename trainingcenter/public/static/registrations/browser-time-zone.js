/*
 * Tell the server the participant's own time zone, so the e-mails we send can
 * show the agenda in it as well as in the program's. Fills every hidden input
 * marked data-browser-time-zone; without JavaScript they keep their value.
 */
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) return;
  var inputs = document.querySelectorAll("input[data-browser-time-zone]");
  Array.prototype.forEach.call(inputs, function (input) {
    input.value = zone;
  });
})();
