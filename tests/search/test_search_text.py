"""The search page's text handling: cleaning the query, the excerpt and the safe highlighting."""

from django.utils.safestring import SafeString
from wagtail.blocks import StreamValue

from core.search import stream_text
from news.models import NewsArticlePage
from search.text import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    clean_query,
    excerpt,
    highlight,
    highlight_pattern,
    query_stems,
    stem,
    stem_text,
)


def test_clean_query_keeps_words_and_drops_symbols():
    assert clean_query('  "medborgerskab"  OR (frivillig*) ') == "medborgerskab OR frivillig"
    assert clean_query("e-mail til borger_service") == "e mail til borger service"
    assert clean_query("Ældreområdet 2024") == "Ældreområdet 2024"
    assert clean_query("!!! ??? ### *") == ""
    assert clean_query("___") == ""
    assert clean_query(None) == ""


def test_clean_query_caps_length_and_number_of_words():
    assert clean_query("a" * 1000) == "a" * MAX_QUERY_LENGTH
    assert clean_query("ord " * 300).split() == ["ord"] * MAX_TERMS


def test_stem_is_snowball_danish():
    assert stem("medborgerskabet") == "medborgerskab"
    assert stem("Borgernes") == "borg"
    assert stem("idéerne") == "idé"
    assert stem("plejehjemmenes") == stem("plejehjem") == "plejehjem"
    assert stem_text("Forandringsagenterne mødes på plejehjemmet.") == "forandringsagent mød på plejehjem"


def test_query_stems_leave_out_stop_words_and_repeats():
    assert query_stems("Agenter og agenten i kommunen") == ["agent", "kommun"]
    assert query_stems("og i på") == []


def test_highlight_escapes_the_text_first_and_marks_the_matching_words():
    pattern = highlight_pattern("medborgerskabet")
    marked = highlight('<script>alert("x")</script> Medborgerskab & medborgerskabets <b>fremtid</b>', pattern)
    assert isinstance(marked, SafeString)
    assert marked == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Medborgerskab</mark> &amp; "
        "<mark>medborgerskabets</mark> &lt;b&gt;fremtid&lt;/b&gt;"
    )


def test_highlight_escapes_markup_that_looks_like_a_mark():
    marked = highlight("<mark>frivillig</mark> frivillighed", highlight_pattern("frivillig"))
    assert marked == "&lt;mark&gt;<mark>frivillig</mark>&lt;/mark&gt; <mark>frivillighed</mark>"


def test_highlight_marks_only_word_beginnings():
    assert highlight("seniorbolig og bolig", highlight_pattern("bolig")) == "seniorbolig og <mark>bolig</mark>"


def test_highlight_without_pattern_only_escapes():
    assert highlight("a < b", None) == "a &lt; b"


def test_excerpt_is_a_short_passage_around_the_first_match():
    text = " ".join(["fyld"] * 200) + " her står medborgerskab midt i teksten " + " ".join(["mere"] * 200)
    passage = excerpt(["En manchet uden ordet.", text], highlight_pattern("medborgerskab"), length=120)
    assert passage.startswith("… ") and passage.endswith(" …")
    assert "medborgerskab" in passage
    assert len(passage) <= 124


def test_excerpt_falls_back_to_the_start_of_the_first_text():
    assert excerpt(["", "Første tekst.", "Anden tekst."], highlight_pattern("ukendt")) == "Første tekst."
    assert excerpt([None, "  "], highlight_pattern("ukendt")) == ""


def test_stream_text_reads_text_blocks_without_chosen_objects():
    body = NewsArticlePage._meta.get_field("body").stream_block
    value = StreamValue(
        body,
        [
            {"type": "paragraph", "value": "<p>Et <b>fedt</b> afsnit &amp; mere.</p>", "id": "a"},
            {"type": "heading", "value": {"text": "Overskrift", "size": "h2"}, "id": "b"},
            {"type": "image", "value": {"image": 42, "alt_text": "Et billede", "caption": ""}, "id": "c"},
            {"type": "related_links", "value": {"heading": "Læs mere", "links": []}, "id": "d"},
        ],
        is_lazy=True,
    )
    assert stream_text(value) == ["Et fedt afsnit & mere.", "Overskrift", "Et billede", "", "Læs mere"]
