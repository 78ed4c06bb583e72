"""The words of a query and of a text: cleaning, Danish stemming, the excerpt and safe highlighting.

Stemming is the Snowball Danish stemmer (PyStemmer), the same algorithm PostgreSQL's ``danish``
text search configuration uses, so "forandringsagenterne", "forandringsagenter" and
"forandringsagent" meet in one stem on every database. Stop words are Snowball's Danish list, as
in PostgreSQL's ``danish`` dictionary: a query of only "og i på" finds nothing on either.
"""

import re
from functools import lru_cache

import Stemmer
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
EXCERPT_LENGTH = 220

# Words are runs of letters and digits; everything else (quotes, operators, underscores) only separates
# them, as it does in the search index, so no character of the query reaches the search syntax.
WORD = re.compile(r"[^\W_]+")

# Snowball's Danish stop words (snowballstem.org/algorithms/danish/stop.txt), PostgreSQL's danish.stop.
STOP_WORDS = frozenset(
    """og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min
    havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil
    blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under
    have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver
    hendes været thi jer sådan""".split()  # noqa: SIM905 - a list as Snowball prints it
)

_stemmer = Stemmer.Stemmer("danish")


def clean_query(raw):
    """The words of the query, at most ``MAX_TERMS`` of them from its first ``MAX_QUERY_LENGTH`` characters.

    A query of only symbols has no words and comes back empty.
    """
    return " ".join(WORD.findall((raw or "")[:MAX_QUERY_LENGTH])[:MAX_TERMS])


def words(text):
    """The lower-case words of ``text``."""
    return WORD.findall(str(text or "").lower())


@lru_cache(maxsize=65536)
def stem(word):
    """The Snowball Danish stem of one lower-case word ("plejehjemmenes" → "plejehjem")."""
    return _stemmer.stemWord(word.lower())


def stem_text(text):
    """``text`` as the space-separated stems of its words: what the SQLite index stores."""
    return " ".join(stem(word) for word in words(text))


def query_stems(query):
    """The distinct stems a query searches for, in order, stop words left out."""
    stems = []
    for word in words(query):
        if word not in STOP_WORDS and stem(word) not in stems:
            stems.append(stem(word))
    return stems


def highlight_pattern(query):
    """A pattern for the words of a text that begin like a stem of the query (ignoring case)."""
    stems = sorted(query_stems(query), key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"(?<!\w)(?:{})\w*".format("|".join(re.escape(item) for item in stems)), re.IGNORECASE)


def highlight(text, pattern):
    """``text`` escaped, with the words ``pattern`` matches in ``<mark>``.

    Each piece of the user's text is escaped before it is joined with the marks, so the only markup
    in the result is ours.
    """
    text = str(text or "")
    if pattern is None:
        return escape(text)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped or format_html


def excerpt(texts, pattern, length=EXCERPT_LENGTH):
    """A short passage around the first matching word of ``texts`` (in order), else the start of the first."""
    texts = [" ".join(str(text).split()) for text in texts if text and str(text).strip()]
    if not texts:
        return ""
    for text in texts:
        match = pattern.search(text) if pattern else None
        if match:
            start = max(0, match.start() - length // 3)
            if start:
                space = text.find(" ", start, match.start())
                start = space + 1 if space != -1 else match.start()
            return clip(text, start, length)
    return clip(texts[0], 0, length)


def clip(text, start, length):
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    before = "… " if start else ""
    after = " …" if end < len(text) else ""
    return f"{before}{text[start:end].strip()}{after}"
