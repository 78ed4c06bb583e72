// A long checkbox list (facilitators) gets a search field: the list narrows as one types.
// Ticked boxes always stay visible, so nothing chosen is hidden. Used on the front end's forms
// (templates/workshops/checkbox_group.html) and in the admin (people/choosers.py,
// FilteredPersonCheckboxes). Progressive enhancement: without it the whole list is there.
(function () {
    "use strict";

    function setUp(box) {
        var list = document.getElementById(box.getAttribute("data-checkbox-filter"));
        var input = box.querySelector("input");
        var status = box.querySelector("[data-checkbox-filter-status]");
        if (!list || !input || box.getAttribute("data-checkbox-filter-ready")) {
            return;
        }
        box.setAttribute("data-checkbox-filter-ready", "1");
        box.hidden = false;
        input.addEventListener("input", function () {
            var words = input.value.toLocaleLowerCase("da").split(/\s+/).filter(Boolean);
            var shown = 0;
            list.querySelectorAll("li").forEach(function (item) {
                var text = item.textContent.toLocaleLowerCase("da");
                var checkbox = item.querySelector("input[type=checkbox]");
                var match = words.every(function (word) { return text.indexOf(word) !== -1; });
                var visible = match || (checkbox && checkbox.checked);
                item.hidden = !visible;
                if (visible) {
                    shown += 1;
                }
            });
            var template = status.getAttribute("data-checkbox-filter-status");
            status.textContent = words.length
                ? template.replace("__shown__", shown).replace("__total__", list.querySelectorAll("li").length)
                : "";
        });
    }

    function setUpAll() {
        document.querySelectorAll("[data-checkbox-filter]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
        setUpAll();
    }
})();
