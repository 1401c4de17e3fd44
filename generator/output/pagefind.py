"""The site's search index, made by Pagefind from the built site, after any builder.

MkDocs (with or without our plugin), ProperDocs and Zensical all write the same pages; this step reads them
and writes ``pagefind/`` into the site: Pagefind's index (Danish stemming, ``force_language da``), split in
chunks that a query loads only as it needs them, and its browser API (``pagefind/pagefind.js``), which the
search page's script (content/assets/javascripts/search.js) uses.

What is indexed of a page is what ``overrides/main.html`` marks: the article (``data-pagefind-body``), with
its kind, municipalities and elements as filters (the hidden block at the end of every page's Markdown,
generator/site/search.py). Each page is handed to Pagefind with more words than it shows, at the place the
theme marks (TERMS_MARK): the parts of its Danish compounds and the synonyms of data/search.yaml
(generator/output/search.py), those of its title weighted as a heading, after the word TERMS_WORD, where the
search page cuts the page's text before it makes a result's excerpt, so they never show. The built pages
themselves are not changed.

Deterministic: two runs over the same site write the same files (Pagefind orders its filters by chance;
pagefind_order.py sorts them). Pagefind numbers the pages in the order it finds the files, so the index can
differ between file systems (the copies go to /dev/shm where there is one), never between two runs on one.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pagefind_bin import get_executable

from .pagefind_order import stable_order
from .search import Enricher, compound_terms, words
from .write import swap_in

SEARCH_DIR = "pagefind"  # in the site; the search page loads pagefind/pagefind.js from here
LANGUAGE = "da"
# overrides/main.html puts this comment at the end of the indexed article; the added words go there.
TERMS_MARK = "<!-- kb-search-terms -->"
# The element overrides/main.html wraps a page's article in: what Pagefind indexes of the page.
BODY_MARK = "<div data-pagefind-body"
# The first of the added words: search.js cuts a page's text here, so that no excerpt shows the rest.
TERMS_WORD = "kbsoegeord"
_BODY_BYTES, _MARK_BYTES = BODY_MARK.encode(), TERMS_MARK.encode()

_SCRATCH = "/dev/shm"  # the copies for Pagefind in memory where the system has it (Linux): writing and removing them
# on disk took as long as reading the site
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
# Scripts, styles and what the theme asks Pagefind to leave out are not words of the page.
_SKIPPED = re.compile(r"<(script|style|template)\b.*?</\1>", re.S | re.I)
# A heading's permalink (MkDocs' toc extension): its "¶" would end every result's title and heading.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')
# Pagefind makes an anchor (a sub-result) of every element with an id; the search page shows pages only, so the
# copy has none (a tenth of what Pagefind writes and a visitor loads of a result).
_ID = re.compile(r' id="[^"]*"')
# Pagefind joins the text on both sides of a block's end ("<dt>Elementer</dt><dd>Hjemmet" was the word
# "elementerhjemmet", "<summary>hvorfor</summary>Redaktionel" "hvorforredaktionel"): the copy has a space after it.
_BLOCK_END = re.compile(r"(</(?:summary|caption|figcaption|dt|dd|li|td|th|p|h[1-6]|div|section|details)>)")


class IndexFailed(RuntimeError):
    """Pagefind could not index the site (e.g. a builder wrote no HTML pages)."""


@dataclass(frozen=True)
class IndexReport:
    pages: int  # pages indexed
    enriched: int  # pages with added words
    seconds: float
    bytes: int  # size of pagefind/ on disk


@dataclass(frozen=True)
class _Page:
    path: str  # the HTML file, from the site root
    url: str  # the page's address from the site root, as Pagefind gives it in results
    file: Path  # the built page, read again for ``html`` when it is copied: not every page's markup held at once
    title: str
    text: str
    marked: bool  # the theme marked its article (BODY_MARK)

    @property
    def html(self) -> str:
        """What Pagefind is given of the page."""
        return _given(self.file.read_bytes())[0]


def _given(raw: bytes) -> tuple[str, str, bool]:
    """What Pagefind is given of a built page, the page's indexed article (the body if nothing is marked), and
    whether the theme marked it (BODY_MARK)."""
    # The theme's own element (overrides/main.html), as markup: text from the data that names the attribute
    # stands escaped (&lt;div …), so it cannot move the start. (A plain search: a pattern over every tag is 20
    # times slower.) Only the article is decoded: the menus around it are two thirds of a page's bytes.
    body = raw.find(_BODY_BYTES)
    end = raw.find(_MARK_BYTES, max(body, 0))
    marked = body != -1 and end != -1
    text = raw[body:end].decode("utf-8") if marked else raw.decode("utf-8")
    article = _HEADERLINK.sub("", text if marked else text.split(TERMS_MARK, 1)[0])
    if not marked:
        return text, article, False
    # What Pagefind needs of a marked page is the marked element up to the mark (its menus would only be
    # read to be left out): a third of the bytes to write and parse.
    copy = _BLOCK_END.sub(r"\1 ", _ID.sub("", article))
    return f"<html><body>{copy}{TERMS_MARK}</div></body></html>", article, True


def _read_pages(site: Path) -> list[_Page]:
    """The site's pages in sorted order (deterministic output). Pagefind leaves out those the theme does not mark
    when any page is marked (the 404 page); their text, for the vocabulary, is the marked article or the body."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] == SEARCH_DIR:
            continue
        _kept, article, marked = _given(path.read_bytes())
        title = _TITLE.search(article)
        url = "/" + relative.as_posix()
        if url.endswith("/index.html"):
            url = url[: -len("index.html")]
        title_text = _plain(title.group(1)) if title else ""
        pages.append(_Page(relative.as_posix(), url, path, title_text, _plain(article), marked))
    return pages


def _plain(fragment: str) -> str:
    return html.unescape(_TAG.sub(" ", _SKIPPED.sub(" ", fragment)))


@dataclass(frozen=True)
class Terms:
    """Words a page is indexed with but does not show."""

    title: list[str]  # from its title: weighted as a heading (TITLE_WEIGHT)
    text: list[str]  # from its text: weighted as text


# Pagefind weighs an h1 7 times the text (its default): words made from a page's title count as much.
TITLE_WEIGHT = 7
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def with_terms(page_html: str, terms: Terms | None) -> str:
    """The page as Pagefind reads it: the added words after TERMS_WORD, at TERMS_MARK (escaped, though they are
    made of letters only)."""
    if terms is None or TERMS_MARK not in page_html:
        return page_html
    added = f"<p>{TERMS_WORD}</p>"
    if terms.title:
        added += f'<p data-pagefind-weight="{TITLE_WEIGHT}">{html.escape(" ".join(terms.title))}</p>'
    if terms.text:
        added += f"<p>{html.escape(' '.join(terms.text))}</p>"
    return page_html.replace(TERMS_MARK, added, 1)


def title_terms(title: str, known: frozenset[str], synonyms: dict[str, list[str]]) -> list[str]:
    """The parts of a title's compounds, the synonyms of its words, and its words as typed without æ, ø and å
    ("Morsoe", "tvaerfaglige"), each once."""
    own = words(title)
    parts = compound_terms(title, known, repeat=1)
    present = set(own) | set(parts)
    found = parts + [word for word, means in synonyms.items() if present & set(means) and word not in present]
    found += [word.translate(_ASCII) for word in own if word.translate(_ASCII) != word]
    return list(dict.fromkeys(found))


def added_terms(
    pages: list[_Page], synonyms: dict[str, list[str]] | None, enricher: Enricher | None = None
) -> dict[str, Terms]:
    """Each page's compound parts and synonyms, by URL (only pages that get any). ``enricher`` may be one kept from
    an earlier index of the same site (`mkdocs serve`): it splits again only what changed."""
    docs = [{"title": page.title, "text": page.text} for page in pages]
    enricher = enricher or Enricher()
    extras = enricher.added(docs, synonyms)
    known = enricher.known
    found = {}
    for page, extra in zip(pages, extras, strict=True):
        terms = Terms(title_terms(page.title, known, synonyms or {}), " ".join(extra).split())
        if terms.title or terms.text:
            found[page.url] = terms
    return found


def search_index(
    site: Path, synonyms: dict[str, list[str]] | None = None, enricher: Enricher | None = None
) -> IndexReport:
    """Write ``site/pagefind/`` for the pages built in ``site``, replacing an earlier index."""
    start = time.perf_counter()
    pages = _read_pages(site)
    terms = added_terms(pages, synonyms, enricher)
    out = site / SEARCH_DIR
    if not pages:  # nothing built (yet): Pagefind would fail
        return IndexReport(0, 0, time.perf_counter() - start, 0)
    # Written beside the old index and exchanged with it in one step (as `build` swaps in a site): a served
    # site always has a whole index, the old one or the new one.
    new = site / f".{SEARCH_DIR}-new"
    shutil.rmtree(new, ignore_errors=True)
    # Pagefind's own binary over a copy of the pages with their added words (its Python API, one request per page,
    # takes twenty times as long); the copy holds only the pages, so nothing else of the site is read.
    with tempfile.TemporaryDirectory(
        prefix="kb-search-", dir=_SCRATCH if os.access(_SCRATCH, os.W_OK) else None
    ) as scratch:
        # Pagefind drops the pages without a mark when any page has one: those are not copied (an overview's
        # numbered pages, whole and long, grow with the data).
        for page in [page for page in pages if page.marked] or pages:
            copy = Path(scratch) / page.path
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(with_terms(page.html, terms.get(page.url)), encoding="utf-8")
        command = [str(get_executable()), "--site", scratch, "--output-path", str(new.resolve())]
        command += ["--force-language", LANGUAGE, "--silent"]
        ran = subprocess.run(command, capture_output=True, text=True, check=False)
        if ran.returncode != 0:
            shutil.rmtree(new, ignore_errors=True)
            said = " ".join((ran.stderr or ran.stdout).split())
            raise IndexFailed(f"Pagefind failed ({ran.returncode}): {said}")
    stable_order(new)
    old = swap_in(new, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    return IndexReport(len(pages), len(terms), time.perf_counter() - start, size)
