/* A filter box above long selects (the country list): type part of a name to
   narrow the list. Without JavaScript the plain select still works, and the
   select keeps its native keyboard behaviour. */
(function () {
  "use strict";

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function enhance(select) {
    var all = Array.prototype.map.call(select.options, function (option) {
      return { value: option.value, text: option.text, key: normalise(option.text) };
    });
    var label = select.getAttribute("data-filter-label") || "";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "select-filter";
    input.id = select.id + "-filter";
    input.autocomplete = "off";
    input.placeholder = label;
    input.setAttribute("aria-label", label);
    input.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(input, select);

    function rebuild() {
      var needle = normalise(input.value);
      var chosen = select.value;
      var matches = [];
      select.options.length = 0;
      all.forEach(function (item) {
        var keep = item.value === "" || item.value === chosen || !needle ||
          item.key.indexOf(needle) !== -1 || item.value.toLowerCase() === needle;
        if (keep) {
          select.add(new Option(item.text, item.value, false, item.value === chosen));
          if (item.value && item.value !== chosen) { matches.push(item.value); }
        }
      });
      // A single match is what the person meant: choose it for them.
      if (needle && matches.length === 1 && !chosen) { select.value = matches[0]; }
    }

    input.addEventListener("input", rebuild);
    input.addEventListener("keydown", function (event) {
      // Enter in the filter moves to the list instead of sending the form.
      if (event.key === "Enter") { event.preventDefault(); select.focus(); }
    });
  }

  document.querySelectorAll("select[data-searchable]").forEach(enhance);
})();
