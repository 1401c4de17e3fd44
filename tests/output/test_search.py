"""Danish compounds and search words added to the search index at build time."""

from generator.output.search import (
    Enricher,
    compound_terms,
    enrich_index,
    split_compound,
    vocabulary,
)

KNOWN = vocabulary(["forældre samarbejde overgang møder læring kufferter sprog kuffert børne have"])


def test_compounds_split_into_words_the_site_uses():
    assert split_compound("forældresamarbejde", KNOWN) == ["forældre", "samarbejde"]
    assert split_compound("overgangsmøder", KNOWN) == ["overgang", "møder"]  # linking -s-
    assert split_compound("læringskufferter", KNOWN) == ["læring", "kufferter"]
    assert split_compound("sprogkuffert", KNOWN) == ["sprog", "kuffert"]
    assert split_compound("sundhedsplejerske", KNOWN) == []  # no known parts: left whole
    assert split_compound("samarbejde", KNOWN) == []  # a known word is not split further


def test_compound_parts_are_added_once_per_use_up_to_a_limit():
    twice = "Forældresamarbejde og forældresamarbejde."
    assert compound_terms(twice, KNOWN) == ["forældre", "forældre", "samarbejde", "samarbejde"]
    many = " ".join(["forældresamarbejde"] * 9)
    assert compound_terms(many, KNOWN, repeat=3).count("samarbejde") == 3
    assert compound_terms("Forældre og forældresamarbejde", KNOWN) == ["samarbejde"]  # "forældre" is there


def test_enrich_index_appends_parts_and_search_words_after_the_text():
    docs = [
        {"location": "a/", "title": "Sprogkuffert", "text": "<p>Udlevering af sprogkuffert.</p>"},
        {"location": "b/", "title": "Omkostninger", "text": "<p>Omkostninger per barn. Se kuffert og sprog.</p>"},
    ]
    enriched = enrich_index(docs, {"koster": ["omkostninger"]})
    assert enriched[0]["text"].startswith("<p>Udlevering af sprogkuffert.</p>")
    assert enriched[0]["text"].split()[-4:] == ["sprog", "sprog", "kuffert", "kuffert"]  # title and text
    assert enriched[1]["text"].endswith(" koster")
    assert docs[0]["text"] == "<p>Udlevering af sprogkuffert.</p>"  # the input is not changed


def test_an_enricher_that_remembers_gives_what_a_fresh_one_gives_after_every_edit():
    docs = [
        {"location": "a/", "title": "Sprogkuffert", "text": "<p>Udlevering af sprogkuffert.</p>"},
        {"location": "b/", "title": "Omkostninger", "text": "<p>Omkostninger per barn. Se kuffert og sprog.</p>"},
        {"location": "c/", "title": "Forældresamarbejde", "text": "<p>Møder med forældre.</p>"},
    ]
    synonyms = {"koster": ["omkostninger"], "hjem": ["forældre"]}
    edits = [
        ("the same entries again", lambda d: d),
        # A new word of the vocabulary ("samarbejde", on b/) splits the compound in c/'s title.
        ("a new word", lambda d: [d[0], {**d[1], "text": d[1]["text"] + " Samarbejde."}, d[2]]),
        ("a word gone", lambda d: [d[0], {**d[1], "text": "<p>Omkostninger per barn.</p>"}, d[2]]),
        ("an entry gone", lambda d: d[1:]),
        ("a new title", lambda d: [{**d[0], "title": "Sprogkufferten"}, *d[1:]]),
    ]
    enricher = Enricher()
    found = []
    for what, change in edits:
        docs = change(docs)
        found.append(enricher.enrich(docs, synonyms))
        assert found[-1] == enrich_index(docs, synonyms), what
    assert "samarbejde" not in found[0][2]["text"] and "samarbejde" in found[1][2]["text"].split()
    assert enricher.enrich(docs, {}) == enrich_index(docs, {})  # other synonyms
