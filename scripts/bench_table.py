"""Print the README's before/after benchmark table from `make bench` result files.

    python scripts/bench_table.py BEFORE_SQLITE AFTER_SQLITE BEFORE_POSTGRESQL AFTER_POSTGRESQL

Each file is a `bench/results*.json` written by `manage.py run_bench`; a page missing from a file
shows as "–".
"""

import json
import sys

LABELS = {
    "healthz": "`/healthz/`",
    "dashboard": "dashboard `/`",
    "news_index": "`/nyheder/`",
    "article": "article",
    "article_200_comments": "article with 200 comments",
    "project_page": "project page",
    "search": "`/soeg/?q=medborgerskab` (repeated)",
    "search_as_you_type": "`/soeg/forslag/?q=medborg`",
    "report": "`/rapport/`",
}


def pages(path):
    with open(path, encoding="utf-8") as handle:
        return {page["name"]: page for page in json.load(handle)["pages"]}


def cell(page, key):
    return "–" if page is None else str(page[key])


def main(before_sqlite, after_sqlite, before_postgresql, after_postgresql):
    runs = [pages(path) for path in (before_sqlite, after_sqlite, before_postgresql, after_postgresql)]
    print(
        "| page | SQLite ÷ healthz before → after | SQL before → after | p95 ms after "
        "| PostgreSQL ÷ healthz before → after | SQL before → after | p95 ms after |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, label in LABELS.items():
        bs, as_, bp, ap = (run.get(name) for run in runs)
        if as_ is None and ap is None:
            continue
        print(
            f"| {label} | {cell(bs, 'ratio_to_healthz')} → {cell(as_, 'ratio_to_healthz')} "
            f"| {cell(bs, 'queries')} → {cell(as_, 'queries')} | {cell(as_, 'p95_ms')} "
            f"| {cell(bp, 'ratio_to_healthz')} → {cell(ap, 'ratio_to_healthz')} "
            f"| {cell(bp, 'queries')} → {cell(ap, 'queries')} | {cell(ap, 'p95_ms')} |"
        )
    rates = [run.get("healthz") for run in runs]
    print()
    print(
        "`/healthz/` req/s in the same runs: SQLite "
        + " → ".join(cell(r, "rps") for r in rates[:2])
        + ", PostgreSQL "
        + " → ".join(cell(r, "rps") for r in rates[2:])
        + "."
    )


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
