// "Synes godt om" / "Støt idéen" without a page reload. Progressive enhancement only: without
// this file the form posts and the server sends the reader back to the button.
// The server answers a request marked "HX-Request: true" with the button alone (reactions/views.py).
document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("reaction-form") || !window.fetch) {
        return;
    }
    event.preventDefault();
    var container = form.closest(".reaction");
    var button = form.querySelector("button");
    button.disabled = true;
    // getAttribute: the hidden input named "action" shadows the form.action property.
    fetch(form.getAttribute("action"), {
        method: "POST",
        body: new FormData(form),
        headers: { "HX-Request": "true" },
        credentials: "same-origin",
    })
        .then(function (response) {
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.text();
        })
        .then(function (html) {
            var holder = document.createElement("div");
            holder.innerHTML = html.trim();
            var fresh = holder.firstElementChild;
            container.replaceWith(fresh);
            var freshButton = fresh.querySelector("button");
            if (freshButton) {
                freshButton.focus();
            }
            var status = fresh.querySelector(".reaction-count");
            var live = document.getElementById("reaction-status");
            if (live && status) {
                live.textContent = status.textContent;
            }
        })
        .catch(function () {
            form.submit();
        });
});
