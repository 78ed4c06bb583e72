// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
        window.DKFDS.init();
    }
    // A form sent back with errors: its summary takes the focus, so the keyboard and a screen reader
    // start where the problems are listed, each linked to its field. A field the page itself puts
    // the focus on (autofocus, e.g. a newly added idea) keeps it.
    var summary = document.querySelector("#main-content .alert-error[role=alert]");
    if (summary && !document.querySelector("[autofocus]")) {
        summary.setAttribute("tabindex", "-1");
        summary.focus();
    }
});
