// Search as you type in the header: the WAI-ARIA combobox pattern with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Progressive enhancement: without this
// file the field is a plain search form that submits to /soeg/. The hits come as JSON from
// data-suggest-url and are put in the page as text only (textContent), never as markup.
(function () {
    "use strict";

    var DELAY_MS = 200;
    var MIN_LENGTH = 2;

    function setUp(form) {
        var input = form.querySelector("input[name=q]");
        if (!input) {
            return;
        }
        var url = form.getAttribute("data-suggest-url");
        var labels = {
            list: form.getAttribute("data-label-list") || "Forslag",
            all: form.getAttribute("data-label-all") || "Vis alle resultater for",
            none: form.getAttribute("data-label-none") || "Ingen forslag",
            count: form.getAttribute("data-label-count") || "forslag. Brug pil op og ned.",
        };
        var listId = input.id + "-forslag";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", labels.list);
        list.hidden = true;
        var status = document.createElement("div");
        status.className = "sr-only";
        status.setAttribute("role", "status");
        form.appendChild(list);
        form.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var timer = null;
        var controller = null;
        var options = [];
        var active = -1;

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function open() {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function activate(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function addOption(parent, text, meta, href) {
            var option = document.createElement("li");
            option.id = listId + "-" + options.length;
            option.className = "search-suggestion";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-href", href);
            var title = document.createElement("span");
            title.className = "search-suggestion-title";
            title.textContent = text;
            option.appendChild(title);
            if (meta) {
                var small = document.createElement("span");
                small.className = "search-suggestion-meta";
                small.textContent = meta;
                option.appendChild(small);
            }
            option.addEventListener("mousedown", function (event) {
                event.preventDefault(); // keep focus in the field until we navigate
            });
            option.addEventListener("click", function () {
                window.location.assign(href);
            });
            parent.appendChild(option);
            options.push(option);
        }

        function render(data) {
            list.textContent = "";
            options = [];
            active = -1;
            data.groups.forEach(function (group, number) {
                var item = document.createElement("li");
                item.setAttribute("role", "presentation");
                var heading = document.createElement("span");
                heading.id = listId + "-gruppe-" + number;
                heading.className = "search-suggestions-heading";
                heading.setAttribute("role", "presentation");
                heading.textContent = group.label;
                var inner = document.createElement("ul");
                inner.setAttribute("role", "group");
                inner.setAttribute("aria-labelledby", heading.id);
                item.appendChild(heading);
                item.appendChild(inner);
                list.appendChild(item);
                group.results.forEach(function (result) {
                    addOption(inner, result.title, result.meta.join(" · "), result.url);
                });
            });
            var hits = options.length;
            addOption(list, labels.all + " \u201d" + data.query + "\u201d", "", data.all_url);
            status.textContent = hits ? hits + " " + labels.count : labels.none;
            open();
        }

        function fetchHits() {
            var query = input.value.trim();
            if (query.length < MIN_LENGTH || !url) {
                close();
                status.textContent = "";
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            fetch(url + "?" + new URLSearchParams({ q: query }).toString(), {
                credentials: "same-origin",
                headers: { Accept: "application/json" },
                signal: controller.signal,
            })
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (data) {
                    if (data && input.value.trim() === query) {
                        render(data);
                    }
                })
                .catch(function () {
                    /* aborted or offline: the plain form still works */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchHits, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (list.hidden) {
                    if (options.length) {
                        open();
                    }
                    return;
                }
                event.preventDefault();
                var step = event.key === "ArrowDown" ? 1 : -1;
                var next = active + step;
                if (next >= options.length) {
                    next = 0;
                } else if (next < 0) {
                    next = options.length - 1;
                }
                activate(next);
            } else if (event.key === "Enter" && !list.hidden && active >= 0) {
                event.preventDefault();
                window.location.assign(options[active].getAttribute("data-href"));
            } else if (event.key === "Escape") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                } else {
                    input.value = "";
                }
            }
        });

        input.addEventListener("blur", function () {
            close();
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("form[data-suggest-url]").forEach(setUp);
    });
})();
