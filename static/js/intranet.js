// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
        window.DKFDS.init();
    }

    // A long checkbox list (facilitators) gets a search field: the list narrows as one types.
    // Ticked boxes always stay visible, so nothing chosen is hidden.
    document.querySelectorAll("[data-checkbox-filter]").forEach(function (box) {
        var list = document.getElementById(box.getAttribute("data-checkbox-filter"));
        var input = box.querySelector("input");
        var status = box.querySelector("[data-checkbox-filter-status]");
        if (!list || !input) {
            return;
        }
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
    });
});
