"""Danish compounds in the search index: "samarbejde" should find "forældresamarbejde".

The search (Pagefind, generator/output/pagefind.py) stems Danish words but matches words and word
beginnings only, never the inside of a word, and Danish writes compounds as one word. So every compound
in a page is split into parts that are themselves words of the site ("forældre" + "samarbejde",
"lærings" + "kufferter"), and the parts are added to the page's text in the index (never shown). The
vocabulary comes from the site's own text; nothing is hand-edited per page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

WORD = re.compile(r"[a-zæøåéü]+")
MIN_PART = 4  # shorter parts ("og", "for", "ud") split too many words wrongly
MIN_WORD = 2 * MIN_PART
LINKING = ("s", "e")  # Danish joins compound parts with -s- or -e- ("overgangsmøder", "børnehave")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word of at least MIN_PART letters that the site uses on its own."""
    return frozenset(word for text in texts for word in words(text) if len(word) >= MIN_PART)


def split_compound(word: str, known: frozenset[str]) -> list[str]:
    """Parts of a compound that are words of the site, longest first part first; [] if none.

    "forældresamarbejde" -> ["forældre", "samarbejde"]; "overgangsmøder" -> ["overgang", "møder"].
    The last part may itself be a compound ("sprogkufferterne" stays whole if "kufferterne" is known).
    """
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        stem = _stem(head, known)
        if stem is None:
            continue
        if tail in known:
            return [stem, tail]
        rest = split_compound(tail, known)
        if rest:
            return [stem, *rest]
    return []


def _stem(head: str, known: frozenset[str]) -> str | None:
    if head in known:
        return head
    if head.endswith(LINKING) and head[:-1] in known and len(head) - 1 >= MIN_PART:
        return head[:-1]
    return None


def compound_terms(text: str, known: frozenset[str], *, repeat: int = 3) -> list[str]:
    """The parts of the compounds in ``text`` that the text does not already contain as words.

    A part is repeated once per occurrence of its compound (at most ``repeat`` times), so a page
    that is about "forældresamarbejde" ranks for "samarbejde" like a page that uses the word.
    """
    return _compound_terms(Counter(words(text)), known, repeat, {})


def _compound_terms(
    counted: Counter[str], known: frozenset[str], repeat: int, splits: dict[str, list[str]]
) -> list[str]:
    """``compound_terms`` of a text's words counted (in the order they first occur): each distinct word is looked at
    once, however often the text uses it."""
    counts: dict[str, int] = {}
    for word, uses in counted.items():
        if len(word) < MIN_WORD:
            continue
        if word not in splits:  # a word splits alike wherever it stands: split it once
            splits[word] = split_compound(word, known)
        for part in splits[word]:
            if part not in counted:
                counts[part] = counts.get(part, 0) + uses
    return [part for part, count in counts.items() for _ in range(min(count, repeat))]


def enrich_index(docs: list[dict[str, str]], synonyms: dict[str, list[str]] | None = None) -> list[dict[str, str]]:
    """Search-index entries with compound parts appended to their text, for the whole site's vocabulary.

    Each entry is a mapping with at least "title" and "text" (a page of the site).
    ``synonyms`` maps a word people search for but the site does not use ("koster") to site words
    it should find ("omkostninger"); it comes from data/search.yaml.
    The parts are appended as plain words after the text, so result previews, which show the
    beginning of a section, are not disturbed.
    """
    return Enricher().enrich(docs, synonyms)


class Enricher:
    """``enrich_index`` that remembers, from one call to the next, what it found for each entry.

    ``mkdocs serve`` enriches the whole site's index after every rebuild, though an edit changes
    only a few entries. An entry's words depend on its own title and text only, so they are kept by
    that text. Its added words depend also on the vocabulary (every entry's words) and the synonyms,
    so they are kept only while both stay the same; when either changes, every entry is done again.
    The result is always what ``enrich_index`` of the same entries gives.
    """

    def __init__(self) -> None:
        self._words: dict[tuple[str, str], Counter[str]] = {}  # by an entry's title and text: its words, counted
        self._extra: dict[tuple[str, str], list[str]] = {}  # by an entry's title and text, for _basis
        self._basis: tuple[frozenset[str], dict[str, list[str]]] | None = None  # (vocabulary, synonyms)
        self._splits: dict[str, list[str]] = {}  # compound parts by word, for _basis
        # One string per distinct word: the site's pages hold millions of words but a few thousand distinct ones.
        self._spellings: dict[str, str] = {}

    @property
    def known(self) -> frozenset[str]:
        """The site's vocabulary as of the last ``enrich``: every word of at least MIN_PART letters."""
        return self._basis[0] if self._basis else frozenset()

    def enrich(self, docs: list[dict[str, str]], synonyms: dict[str, list[str]] | None = None) -> list[dict[str, str]]:
        enriched = []
        for doc, extra in zip(docs, self.added(docs, synonyms), strict=True):
            enriched.append({**doc, "text": doc.get("text", "") + (" " + " ".join(extra) if extra else "")})
        return enriched

    def added(self, docs: list[dict[str, str]], synonyms: dict[str, list[str]] | None = None) -> list[list[str]]:
        """The words ``enrich`` appends to each entry's text, without making every text again."""
        keys = [(doc.get("title", ""), doc.get("text", "")) for doc in docs]
        spell = self._spellings.setdefault
        self._words = {
            key: self._words[key]
            if key in self._words
            else Counter({spell(word, word): count for word, count in _words_of(*key).items()})
            for key in keys
        }
        known = frozenset(word for counted in self._words.values() for word in counted if len(word) >= MIN_PART)
        basis = (known, dict(synonyms or {}))
        if basis != self._basis:
            self._basis, self._splits, self._extra = basis, {}, {}
        self._extra = {key: self._extra[key] if key in self._extra else self._added(key) for key in keys}
        return [self._extra[key] for key in keys]

    def _added(self, key: tuple[str, str]) -> list[str]:
        """The words added to one entry: its compound parts, then the synonyms it should be found by."""
        assert self._basis is not None
        known, synonyms = self._basis
        counted = self._words[key]
        extra = _compound_terms(counted, known, 3, self._splits)
        present = counted.keys() | set(extra)  # synonyms also match the compound parts
        return extra + [word for word, means in synonyms.items() if present & set(means) and word not in present]


def _words_of(title: str, text: str) -> Counter[str]:
    return Counter(words(f"{title} {_strip_tags(text)}"))


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)
