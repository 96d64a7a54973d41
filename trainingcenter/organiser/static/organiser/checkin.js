/* The check-in page at the door (organiser/checkin.html, organiser/checkin.py).
 *
 * Every scan, from the camera or from a tap on a search result, goes the same
 * way: it gets an id made here (client_key), is written to this browser's
 * localStorage first, and is then sent to the server. A scan made while the
 * network is down stays in storage and is sent when the network is back (the
 * "online" event, and a retry every few seconds); a scan whose answer was lost
 * is sent again with the same id, and the server counts it once. Nothing is
 * removed from storage before the server has answered it.
 *
 * The camera reads QR codes with the browser's BarcodeDetector where there is
 * one (Chrome on Android and macOS), and with jsQR (vendored, loaded only then)
 * everywhere else. window.checkinPage.decoded(text) is the function the camera
 * calls with what it read; tests call it too, having no camera.
 */
(function () {
  "use strict";

  var root = document.getElementById("checkin");
  var configElement = document.getElementById("checkin-config");
  if (!root || !configElement) return;
  var config = JSON.parse(configElement.textContent);
  var strings = config.strings;
  var QUEUE_KEY = "tc-checkin-queue:" + config.program;
  var RETRY_MS = 5000;
  var SAME_CODE_MS = 4000;

  var $ = function (id) { return document.getElementById(id); };
  var answer = $("ci-answer");
  var answerMessage = $("ci-answer-message");
  var answerDetail = $("ci-answer-detail");
  var offlineBanner = $("ci-offline");
  var daySelect = $("ci-day");
  var searchForm = $("ci-search-form");
  var searchInput = $("ci-search");
  var searchHint = $("ci-search-hint");
  var results = $("ci-results");
  var queueBox = $("ci-queue");
  var queueTitle = $("ci-queue-title");
  var queueList = $("ci-queue-list");
  var log = $("ci-log");
  var cameraButton = $("ci-camera");
  var videoBox = $("ci-video-box");
  var video = $("ci-video");
  var cameraHint = $("ci-camera-hint");

  var currentDay = root.getAttribute("data-day");

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_match, name) { return values[name]; });
  }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function grouped(code) {
    var plain = String(code).replace(/[\s-]+/g, "").toUpperCase();
    return plain.length === 12 ? plain.slice(0, 4) + "-" + plain.slice(4, 8) + "-" + plain.slice(8) : String(code);
  }

  function clock(date) {
    return ("0" + date.getHours()).slice(-2) + ":" + ("0" + date.getMinutes()).slice(-2);
  }

  // --- the queue in localStorage -------------------------------------------------------

  function loadQueue() {
    try {
      var items = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(items) ? items : [];
    } catch (error) {
      return [];
    }
  }

  function saveQueue(items) {
    try {
      window.localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
    } catch (error) {
      // Storage full or refused (private mode): the scan is still sent now if the network allows.
    }
  }

  function removeFromQueue(key) {
    saveQueue(loadQueue().filter(function (item) { return item.client_key !== key; }));
  }

  function renderQueue() {
    var items = loadQueue();
    queueBox.hidden = items.length === 0;
    queueTitle.textContent = format(strings.queueCount, { count: items.length });
    queueList.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = item.label + " — " + strings.waiting;
      queueList.appendChild(li);
    });
  }

  // --- answers --------------------------------------------------------------------------

  function show(tone, message, detail) {
    answer.className = "ci-answer ci-" + tone;
    answerMessage.textContent = message;
    answerDetail.textContent = detail || "";
    // Restart the small flash so that two identical answers in a row are still noticed.
    void answer.offsetWidth;
    answer.classList.add("ci-flash");
    answer.setAttribute("data-status", tone);
  }

  function addToLog(tone, text) {
    var li = document.createElement("li");
    var dot = document.createElement("span");
    dot.className = "ci-dot ci-" + tone;
    dot.setAttribute("aria-hidden", "true");
    var time = document.createElement("time");
    time.textContent = clock(new Date());
    li.appendChild(dot);
    li.appendChild(time);
    li.appendChild(document.createTextNode(text));
    log.insertBefore(li, log.firstChild);
    while (log.children.length > 30) log.removeChild(log.lastChild);
  }

  function detailOf(body, item) {
    var parts = [];
    // The name when the answer does not say it already: the badge's holder is standing there.
    if ((body.status === "already_checked_in" && !body.same_scan) || body.status === "other_program") {
      if (body.name) parts.push(body.name);
    }
    if (body.organization) parts.push(body.organization);
    if (!parts.length && body.status === "unknown_code") parts.push(item.label);
    return parts.join(" · ");
  }

  function updateCounts(counts) {
    if (!counts) return;
    var done = $("ci-checked-in");
    var expected = $("ci-expected");
    if (done) done.textContent = counts.checked_in;
    if (expected) expected.textContent = counts.expected;
  }

  function setOffline(offline) {
    offlineBanner.hidden = !offline;
  }

  // --- sending --------------------------------------------------------------------------

  var flushing = null;

  function isJson(response) {
    return (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
  }

  // Sends one scan; resolves true when the server has answered it (it leaves the queue), false to stop for now.
  function sendOne(item) {
    return fetch(config.scanUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ code: item.code, day: item.day, client_key: item.client_key }),
    }).then(function (response) {
      setOffline(false);
      if (response.ok && isJson(response)) {
        return response.json().then(function (body) {
          removeFromQueue(item.client_key);
          show(body.tone, body.message, detailOf(body, item));
          addToLog(body.tone, body.message + (body.organization ? " · " + body.organization : ""));
          updateCounts(body.counts);
          if (searchInput.value.trim()) search(searchInput.value);
          return true;
        });
      }
      if (response.status === 400 && isJson(response)) {
        // Not a scan at all: nothing to send again.
        return response.json().then(function (body) {
          removeFromQueue(item.client_key);
          show("error", body.error.message, item.label);
          addToLog("error", body.error.message);
          return true;
        });
      }
      if (response.status === 403 || response.redirected || !isJson(response)) {
        show("error", strings.signedOut, "");
        return false;
      }
      show("queued", strings.serverError, item.label);
      return false;
    }).catch(function () {
      // No network (or no answer): the scan stays in storage for the next try.
      setOffline(true);
      return false;
    });
  }

  function sendAll() {
    var items = loadQueue();
    renderQueue();
    if (!items.length) return Promise.resolve();
    return sendOne(items[0]).then(function (answered) {
      renderQueue();
      return answered ? sendAll() : null;
    });
  }

  // One sender at a time, oldest scan first; a scan added meanwhile is sent by the running one.
  function flush() {
    if (!flushing) {
      flushing = sendAll().then(function () { flushing = null; }, function () { flushing = null; });
    }
    return flushing;
  }

  function submitCode(code, label) {
    var item = { code: String(code).trim().slice(0, 64), day: currentDay, client_key: newKey(), label: label || grouped(code) };
    if (!item.code) return Promise.resolve();
    var items = loadQueue();
    items.push(item);
    saveQueue(items);
    renderQueue();
    if (!navigator.onLine) {
      setOffline(true);
      show("queued", strings.queued, item.label);
      addToLog("queued", item.label + " — " + strings.waiting);
      return Promise.resolve();
    }
    return flush().then(function () {
      if (loadQueue().some(function (queued) { return queued.client_key === item.client_key; })) {
        show("queued", strings.queued, item.label);
        addToLog("queued", item.label + " — " + strings.waiting);
      }
    });
  }

  window.addEventListener("online", function () { setOffline(false); flush(); });
  window.addEventListener("offline", function () { setOffline(true); });
  window.setInterval(function () { if (loadQueue().length) flush(); }, RETRY_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") flush();
    else stopCamera();
  });

  // --- search -----------------------------------------------------------------------------

  var searchTimer = null;
  var searchSequence = 0;

  function searchUrl(query) {
    return config.searchUrl + "?q=" + encodeURIComponent(query) + "&day=" + encodeURIComponent(currentDay);
  }

  function renderResults(found) {
    results.textContent = "";
    searchHint.hidden = found.length > 0;
    if (!found.length) searchHint.textContent = strings.noResults;
    found.forEach(function (person) {
      var li = document.createElement("li");
      var name = document.createElement("span");
      name.className = "ci-person";
      name.textContent = person.name;
      var meta = document.createElement("span");
      meta.className = "ci-meta";
      meta.textContent = [person.organization, person.country].filter(Boolean).join(" · ");
      var state = document.createElement("span");
      state.className = person.can_check_in ? "ci-meta" : "ci-meta ci-refused";
      state.textContent = person.status;
      var action = null;
      if (person.checked_in_time) {
        action = document.createElement("span");
        action.className = "ci-action ci-done";
        action.textContent = format(strings.checkedInAt, { time: person.checked_in_time });
      } else if (person.can_check_in) {
        action = document.createElement("button");
        action.type = "button";
        action.className = "ci-action";
        action.textContent = strings.checkIn;
        action.setAttribute("aria-label", strings.checkIn + ": " + person.name);
        action.addEventListener("click", function () {
          action.disabled = true;
          submitCode(person.code, person.name);
        });
      }
      li.appendChild(name);
      if (action) li.appendChild(action);
      li.appendChild(meta);
      li.appendChild(state);
      results.appendChild(li);
    });
  }

  function search(query) {
    var sequence = ++searchSequence;
    if (!query.trim()) {
      results.textContent = "";
      searchHint.hidden = true;
      return Promise.resolve();
    }
    return fetch(searchUrl(query), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (sequence !== searchSequence) return;
        if (!response.ok || !isJson(response)) {
          searchHint.hidden = false;
          searchHint.textContent = response.status === 403 || !isJson(response) ? strings.signedOut : strings.serverError;
          return;
        }
        return response.json().then(function (body) {
          if (sequence !== searchSequence) return;
          renderResults(body.results);
          updateCounts(body.counts);
        });
      }, function () {
        if (sequence !== searchSequence) return;
        setOffline(true);
        searchHint.hidden = false;
        searchHint.textContent = strings.searchOffline;
      });
  }

  searchInput.addEventListener("input", function () {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(function () { search(searchInput.value); }, 250);
  });
  searchForm.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(searchTimer);
    search(searchInput.value);
  });

  daySelect.addEventListener("change", function () {
    currentDay = daySelect.value;
    root.setAttribute("data-day", currentDay);
    searchForm.elements.day.value = currentDay;
    if (window.history.replaceState) window.history.replaceState(null, "", "?day=" + currentDay);
    // The counts of the day chosen (an empty search answers them), and the results' states.
    fetch(searchUrl(""), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return isJson(response) ? response.json() : null; })
      .then(function (body) { if (body) updateCounts(body.counts); }, function () { setOffline(true); });
    if (searchInput.value.trim()) search(searchInput.value);
  });

  // --- the camera ---------------------------------------------------------------------------

  var stream = null;
  var scanning = false;
  var detect = null;
  var lastCode = "";
  var lastCodeAt = 0;

  function cameraMessage(text) {
    cameraHint.hidden = !text;
    cameraHint.textContent = text || "";
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      if (window.jsQR) { resolve(); return; }
      var script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function browserDetector() {
    if (!("BarcodeDetector" in window)) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf("qr_code") < 0) return null;
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      return function (source) {
        return detector.detect(source).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
      };
    }, function () { return null; });
  }

  function jsqrDetector() {
    return loadScript(config.jsqrUrl).then(function () {
      var canvas = document.createElement("canvas");
      var context = canvas.getContext("2d", { willReadFrequently: true });
      return function (source) {
        var width = source.videoWidth;
        var height = source.videoHeight;
        if (!width || !height) return Promise.resolve(null);
        // A smaller frame reads as well and costs a phone far less.
        var scale = Math.min(1, 720 / Math.max(width, height));
        canvas.width = Math.round(width * scale);
        canvas.height = Math.round(height * scale);
        context.drawImage(source, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        return Promise.resolve(found ? found.data : null);
      };
    });
  }

  function tick() {
    if (!scanning) return;
    detect(video).then(function (text) {
      if (text) decoded(text);
    }, function () { return null; }).then(function () {
      if (scanning) window.setTimeout(tick, 150);
    });
  }

  function startCamera() {
    cameraMessage("");
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      cameraMessage(strings.noCamera);
      return Promise.resolve();
    }
    return navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then(function (mediaStream) {
        stream = mediaStream;
        video.srcObject = stream;
        videoBox.hidden = false;
        cameraButton.textContent = strings.stopCamera;
        return video.play().catch(function () { return null; });
      })
      .then(function () { return stream ? browserDetector() : null; })
      .then(function (detector) { return detector || (stream ? jsqrDetector() : null); })
      .then(function (detector) {
        if (!detector || !stream) return;
        detect = detector;
        scanning = true;
        root.setAttribute("data-camera", "scanning");
        tick();
      })
      .catch(function (error) {
        stopCamera();
        cameraMessage(error && error.name === "NotAllowedError" ? strings.cameraDenied : strings.noCamera);
      });
  }

  function stopCamera() {
    scanning = false;
    root.removeAttribute("data-camera");
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.srcObject = null;
    videoBox.hidden = true;
    cameraButton.textContent = strings.startCamera;
  }

  function decoded(text) {
    var code = String(text).trim().slice(0, 64);
    if (!code) return Promise.resolve();
    // The same badge stays in front of the camera for a moment: read it once.
    var now = Date.now();
    if (code === lastCode && now - lastCodeAt < SAME_CODE_MS) return Promise.resolve();
    lastCode = code;
    lastCodeAt = now;
    if (navigator.vibrate) navigator.vibrate(80);
    return submitCode(code, grouped(code));
  }

  cameraButton.addEventListener("click", function () {
    if (stream) stopCamera();
    else startCamera();
  });

  window.checkinPage = { decoded: decoded, flush: flush, queue: loadQueue };
  renderQueue();
  if (!navigator.onLine) setOffline(true);
  flush();
})();
