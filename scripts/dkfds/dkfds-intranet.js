// The DKFDS behaviour the pages use, and nothing more: bundled by scripts/build_assets.py (esbuild) into
// static/dkfds/js/dkfds-intranet.min.js, in place of DKFDS's full bundle (issue 13: a lighter first view).
// When a template starts to use another DKFDS component that needs JavaScript (accordion, tabs, modal…),
// import it from DKFDS's sources here and initialise it in init(), as DKFDS's own src/js/dkfds.js does.
// DKFDS's polyfills are left out: every browser the intranet supports has what they supply.
import Navigation from "../../node_modules/dkfds/src/js/components/navigation.js";
import ResponsiveTable from "../../node_modules/dkfds/src/js/components/table.js";

// Same contract as DKFDS's init (static/js/intranet.js calls window.DKFDS.init()).
export function init(options) {
    const scope = (options && options.scope) || document;
    // The mobile menu (drawer, focus trap, Escape) and the desktop menu's "Mere" overflow menu.
    new Navigation().init();
    // Tables that stack on a phone: each cell gets its column's heading as data-title.
    scope
        .querySelectorAll(
            "table.table--responsive-headers, table.table-sm-responsive-headers, " +
                "table.table-md-responsive-headers, table.table-lg-responsive-headers",
        )
        .forEach((table) => new ResponsiveTable(table));
}
