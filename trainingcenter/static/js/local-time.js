/*
 * Progressive enhancement: beside each agenda time (rendered on the server in
 * the program's time zone), show the same moment in the viewer's own time
 * zone. Markup: <time datetime="ISO-UTC" data-local data-end="ISO-UTC"
 * data-tz="Program/Zone">. Without JavaScript the page still shows the
 * program's own times. data-local="end" puts the viewer's time on a line of
 * its own after the enclosing paragraph's text, for times inside a sentence.
 */
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) return;

  var lang = document.documentElement.lang || undefined;
  var label = document.body.getAttribute("data-local-label") || "Your time";
  // The page language's clock, as the server writes its own times (TIME_FORMAT):
  // 24-hour ("h23") or 12-hour ("h12"), and whether the hour has two digits.
  var hourCycle = document.body.getAttribute("data-hour-cycle") === "h12" ? "h12" : "h23";
  var hourDigits = document.body.getAttribute("data-hour-digits") === "numeric" ? "numeric" : "2-digit";
  var viewerZone;
  try {
    viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }

  function fmt(options) {
    try {
      return new Intl.DateTimeFormat(lang, options);
    } catch (e) {
      return new Intl.DateTimeFormat(undefined, options);
    }
  }

  var dayFmt = fmt({ weekday: "short", month: "short", day: "numeric" });
  var timeFmt = fmt({ hour: hourDigits, minute: "2-digit", hourCycle: hourCycle });
  var zoneFmt = fmt({ timeZoneName: "short" });
  var keyFmt = function (zone) {
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
  };

  function zoneName(date) {
    var parts = zoneFmt.formatToParts(date);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === "timeZoneName") return parts[i].value;
    }
    return viewerZone;
  }

  function sameOffset(date, zone) {
    // Equal wall-clock time means the viewer sees the program's times already.
    try {
      var a = new Intl.DateTimeFormat("en-GB", { timeZone: zone, dateStyle: "short", timeStyle: "short" }).format(date);
      var b = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "short" }).format(date);
      return a === b;
    } catch (e) {
      return false;
    }
  }

  var nodes = document.querySelectorAll("time[data-local]");
  Array.prototype.forEach.call(nodes, function (node) {
    var start = new Date(node.getAttribute("datetime"));
    if (isNaN(start.getTime())) return;
    var endValue = node.getAttribute("data-end");
    var end = endValue ? new Date(endValue) : null;
    var programZone = node.getAttribute("data-tz");
    if (programZone && sameOffset(start, programZone)) return;

    var text = timeFmt.format(start);
    var endsOtherDay = false;
    if (end && !isNaN(end.getTime())) {
      // A span over several days names both days, or it reads as one afternoon.
      endsOtherDay = keyFmt(viewerZone).format(start) !== keyFmt(viewerZone).format(end);
      text += (endsOtherDay ? " – " + dayFmt.format(end) + ", " : "–") + timeFmt.format(end);
    }
    var dayDiffers = !programZone || endsOtherDay;
    try {
      dayDiffers = dayDiffers || keyFmt(programZone).format(start) !== keyFmt(viewerZone).format(start);
    } catch (e) {
      dayDiffers = true;
    }
    if (dayDiffers) text = dayFmt.format(start) + ", " + text;

    var span = document.createElement("span");
    span.className = "viewer-time";
    span.textContent = label + ": " + text + " " + zoneName(start);
    if (node.getAttribute("data-local") === "end" && node.parentElement) {
      span.className += " viewer-time-line";
      node.parentElement.appendChild(span);
    } else {
      node.insertAdjacentElement("afterend", span);
    }
  });
})();
