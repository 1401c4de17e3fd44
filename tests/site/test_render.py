"""Stage 5: data text is escaped for Markdown and HTML wherever it lands."""

import re

import markdown

from generator.site.render import escape_markdown


def html(text: str) -> str:
    extensions = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
    return markdown.markdown(str(escape_markdown(text)), extensions=extensions)


def test_script_stays_text():
    out = html("<script>alert(1)</script>")
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_markdown_syntax_stays_text():
    out = html("[klik](javascript:alert(1)) *fed* `kode`\n{: onclick=alert(1) }")
    assert "<a" not in out and "<em>" not in out and "<code>" not in out
    assert out.startswith("<p>")  # attr_list added no attribute to the paragraph
    assert "[klik](javascript:alert(1))" in out.replace("&#91;", "[").replace("&#93;", "]")


def test_admonition_and_heading_markers_stay_text():
    assert "admonition" not in html('!!! danger "Falsk advarsel"')
    assert "<h1" not in html("# Overskrift")
    assert "#" not in html("Navn #").replace("&#35;", "")


def test_block_markers_at_line_start_do_not_make_blocks():
    assert "<h1>" not in html("# Overskrift")
    assert "<ol>" not in html("1. punkt")
    assert "<ul>" not in html("- punkt")


def test_ordinary_danish_text_is_unchanged():
    text = "Børn i udsatte positioner – 4.800 kr. (afsnit 5.2), 3-6-årige."
    assert str(escape_markdown(text)) == text


def test_whitespace_collapses_so_text_cannot_open_blocks_on_new_lines():
    assert str(escape_markdown("a\n\n- b")) == "a - b"


def test_quotes_cannot_break_out_of_an_attribute():
    from generator.site.render import escape_markdown

    assert escape_markdown('Tabel 4" onfocus="alert(1)') == "Tabel 4&quot; onfocus=&quot;alert(1)"
    assert escape_markdown("it's") == "it&#39;s"


def test_templates_write_no_page_paths():
    """Templates link through ``urls`` and the entries themselves; every path is written in site/urls.py."""
    import re

    from generator.site.render import TEMPLATES

    written = {
        f"{path.name}: {match.group(0)}"
        for path in TEMPLATES.glob("*.j2")
        for match in re.finditer(r"\b(?:link|href)\(\s*['\"][^'\"]*['\"]\s*\)", path.read_text(encoding="utf-8"))
    }
    assert written == set()


def test_filter_forms_come_from_one_macro():
    """Every table's filter form is the shared macro (templates/_macros.md.j2), not a copy of it."""
    from generator.site.render import TEMPLATES

    copies = [p.name for p in TEMPLATES.glob("*.j2") if p.name != "_macros.md.j2" and "<select" in p.read_text()]
    assert copies == []
    users = [p.name for p in TEMPLATES.glob("*.j2") if "filter_form(" in p.read_text() and p.name != "_macros.md.j2"]
    assert sorted(users) == ["cases.md.j2", "economy.md.j2"]
    overviews = [p.name for p in TEMPLATES.glob("*.j2") if "overview_form(" in p.read_text() and p.name[0] != "_"]
    assert sorted(overviews) == ["elements_index.md.j2", "projects_index.md.j2"]


def test_source_lines_come_from_one_macro():
    """A "Kilde: <source>, <where>." line is the shared source_line/source_note macro, not a copy of it."""
    from generator.site.render import TEMPLATES

    by_hand = re.compile(r'class="kb-source">\(?Kilde: \{\{ source\.short_name \}\}, \{\{ [^{}]+ \}\}[.)]<')
    copies = [p.name for p in TEMPLATES.glob("*.j2") if by_hand.search(p.read_text())]
    assert copies == []
    users = {p.name for p in TEMPLATES.glob("*.j2") if "source_line(source" in p.read_text()}
    assert {"element.md.j2", "project.md.j2", "evaluation.md.j2", "programme.md.j2"} <= users


def test_source_line_escapes_what_it_names():
    from generator.site.render import environment

    template = environment().from_string(
        '{% from "_macros.md.j2" import source_line %}{{ source_line(source, where, more)|safe }}'
    )
    html = template.render(source={"short_name": "<b>R</b>"}, where="s. 4", more="; [x](javascript:1)")
    assert html == '<p class="kb-source">Kilde: &lt;b&gt;R&lt;/b&gt;, s. 4; &#91;x&#93;(javascript:1).</p>'
