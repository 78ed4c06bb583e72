"""SEARCH_URL moves search to Wagtail's Elasticsearch/OpenSearch backend with the Danish analyser."""

import importlib


def load_base_settings(monkeypatch, **environ):
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    import intranet.settings.base as base

    try:
        return dict(importlib.reload(base).WAGTAILSEARCH_BACKENDS)
    finally:
        for name in environ:
            monkeypatch.delenv(name)
        importlib.reload(base)


def test_without_search_url_search_stays_in_the_database(monkeypatch):
    monkeypatch.delenv("SEARCH_URL", raising=False)
    backends = load_base_settings(monkeypatch)
    assert backends["default"]["BACKEND"] == "search.backends"
    assert backends["default"]["SEARCH_CONFIG"] == "danish"


def test_search_url_selects_elasticsearch_with_the_danish_analyser(monkeypatch):
    backends = load_base_settings(
        monkeypatch, SEARCH_URL="https://soeg.internt:9200", SEARCH_BACKEND="wagtail.search.backends.opensearch2"
    )
    default = backends["default"]
    assert default["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert default["HOSTS"] == ["https://soeg.internt:9200"]
    assert default["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"] == {"type": "danish"}
