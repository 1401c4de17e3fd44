"""The search index after any builder (generator/output/pagefind.py): what it holds, and the same bytes every run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.output.pagefind import TERMS_MARK, TERMS_WORD, search_index
from generator.output.pagefind_order import FormatChanged, decode, encode, indexed_pages
from generator.site.search import Facets, facets_html

MUNICIPALITIES = ["Aalborg", "Tønder", "Morsø", "Vejle", "Herning", "Ishøj", "Glostrup", "Stevns"]


def _page(title: str, text: str, facets: Facets) -> str:
    return (
        '<html lang="da"><body><nav>Menu Forside</nav><div data-pagefind-body>'
        f'<h1 id="t">{title}<a class="headerlink" href="#t" title="Link til dette afsnit">&para;</a></h1>'
        f'<p id="p">{text}</p><dl><dt>Elementer</dt><dd>Hjemmet</dd></dl>'
        f"{facets_html(facets)}{TERMS_MARK}</div></body></html>"
    )


def _site(root: Path) -> Path:
    """A small built site: pages with a kind, many municipalities (filter values) and Danish compounds."""
    for i, municipality in enumerate(MUNICIPALITIES):
        folder = root / "kommuner" / f"k{i}"
        folder.mkdir(parents=True)
        text = f"{municipality} arbejder med forældresamarbejde og overgangsmøder."
        if i == 1:  # the words the compounds are made of, used on their own on another page
            text += " Forældre, samarbejde, overgang og møder."
        facets = Facets("kommune", [municipality], [f"Element {i % 3}"])
        (folder / "index.html").write_text(_page(municipality, text, facets), encoding="utf-8")
    (root / "404.html").write_text("<html><body><h1>404</h1></body></html>", encoding="utf-8")
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _indexed(site: Path) -> dict[str, dict]:
    return indexed_pages(lambda path: (site / "pagefind" / path).read_bytes())


def test_two_runs_write_the_same_index(tmp_path):
    """Pagefind orders filter values by chance (a Rust hash map); pagefind_order.py sorts them."""
    first = _site(tmp_path / "a")
    search_index(first)
    again = tmp_path / "b"
    shutil.copytree(first, again)
    for _ in range(3):  # a chance order would show within a few runs
        search_index(again)
        assert _files(first / "pagefind") == _files(again / "pagefind")


def test_the_index_holds_the_kind_the_filters_and_the_added_words_after_the_mark(tmp_path):
    site = _site(tmp_path / "site")
    before = (site / "kommuner" / "k0" / "index.html").read_text(encoding="utf-8")
    report = search_index(site, {"samvær": ["samarbejde"]})
    pages = _indexed(site)
    assert set(pages) == {f"/kommuner/k{i}/" for i in range(len(MUNICIPALITIES))}  # not the unmarked 404 page
    page = pages["/kommuner/k0/"]
    assert page["meta"]["type"] == "kommune" and page["filters"]["kommune"] == ["Aalborg"]
    # The title as the page shows it, without its heading's permalink; no anchors, which the search page never shows.
    assert page["meta"]["title"] == "Aalborg" and "¶" not in page["content"] and page["anchors"] == []
    assert "Elementer Hjemmet" in page["content"]  # two words, as the page shows them
    shown, added = page["content"].split(TERMS_WORD)
    assert "forældresamarbejde" in shown and "samarbejde" not in shown.replace("forældresamarbejde", "")
    assert {"samarbejde", "overgang", "samvær"} <= set(added.replace(".", " ").split())
    assert "Element 0" not in page["content"] and "kommune" not in shown  # the facets are not text
    # The built page itself is not changed; the report counts what was indexed.
    assert (site / "kommuner" / "k0" / "index.html").read_text(encoding="utf-8") == before
    assert report.enriched == len(MUNICIPALITIES) and report.bytes > 0


def test_a_site_without_pages_gets_no_index(tmp_path):
    assert search_index(tmp_path).pages == 0
    assert not (tmp_path / "pagefind").exists()


def test_facets_are_escaped():
    hostile = '</span><script>alert(1)</script>"'
    made = facets_html(Facets("element", [hostile], [hostile]))
    assert "<script>" not in made and made.count("&lt;script&gt;") == 2


@pytest.mark.parametrize(
    "value", [0, 23, 24, 255, 256, 65536, 2**32, -1, -500, "", "Tønder", b"\x00\x01", [1, ["a", []]], {"a": 1}, True]
)
def test_cbor_reads_back_what_it_writes(value):
    assert decode(encode(value)) == value


def test_cbor_refuses_what_pagefind_does_not_write():
    with pytest.raises(FormatChanged):
        decode(bytes([0x9F, 0x01, 0xFF]))  # an indefinite-length array
    with pytest.raises(FormatChanged):
        decode(bytes([0xFB]) + bytes(8))  # a float


def test_a_title_gives_its_parts_synonyms_and_its_words_without_danish_letters():
    from generator.output.pagefind import Terms, title_terms, with_terms

    known = frozenset({"forældre", "møder", "overgang", "samarbejde"})
    found = title_terms("Overgangsmøder i Tønder", known, {"mødes": ["møder"]})
    assert found == ["overgang", "møder", "mødes", "overgangsmoeder", "toender"]
    made = with_terms(f"<p>x</p>{TERMS_MARK}", Terms(["a<b"], ["c"]))
    assert made == f'<p>x</p><p>{TERMS_WORD}</p><p data-pagefind-weight="7">a&lt;b</p><p>c</p>'


def test_the_command_indexes_a_built_site_and_says_so(tmp_path):
    from ..helpers import ROOT, run_generator

    site = _site(tmp_path / "site")
    result = run_generator("search-index", "--root", str(ROOT), str(site))
    assert result.returncode == 0, result.stderr
    assert "search index: 9 pages" in result.stderr and (site / "pagefind" / "pagefind.js").is_file()
    missing = run_generator("search-index", "--root", str(ROOT), str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "build the site first" in missing.stderr
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "index.html").write_text("half", encoding="utf-8")  # nothing Pagefind can index
    failed = run_generator("search-index", "--root", str(ROOT), str(tmp_path / "half"))
    assert failed.returncode == 1 and "Pagefind failed" in failed.stderr and "Traceback" not in failed.stderr
    assert not (tmp_path / "half" / "pagefind").exists()


def test_a_title_from_the_data_that_names_the_mark_does_not_move_what_is_indexed(tmp_path):
    """The article starts at the theme's own element; the same words in the data stand escaped in the head."""
    from generator.output.pagefind import _read_pages

    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    page = _page("Leg", "Forældresamarbejde i hjemmet.", Facets("side"))
    head = "<head><title>Leg data-pagefind-body &lt;div data-pagefind-body&gt;</title></head>"
    (site / "p" / "index.html").write_text(page.replace("<body>", head + "<body>", 1), encoding="utf-8")
    (read,) = _read_pages(site)
    assert read.html.startswith("<html><body><div data-pagefind-body>")
    assert "Menu" not in read.text and "Forældresamarbejde" in read.text
