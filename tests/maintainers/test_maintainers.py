"""What maintainers rely on: schemas in the editor, a reference of every field, located errors in
pull requests, a summary of data changes, edit links to the right file and line, reproducible builds."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from generator.data.catalogue import DATA_FILES
from generator.data.problems import Position, Problem, Severity
from generator.maintainers.schemas import SCHEMA_DIR, file_schema, schema_comment, schema_files
from generator.output.editing import Origin, edit_link, repository_url
from generator.pipeline import build_site
from generator.site.pages.reference import models_of, sections
from generator.site.urls import REFERENCE_INDEX, reference_path

from ..conftest import REPOSITORY, build_real_site
from ..helpers import ROOT, edit, load_yaml, run_generator

# --- JSON Schema -----------------------------------------------------------------


def test_the_shipped_schemas_are_the_generated_ones():
    shipped = {path.name: path.read_bytes() for path in (ROOT / SCHEMA_DIR).glob("*.schema.json")}
    assert shipped == schema_files(), "run: python -m generator schemas"


def test_every_data_file_names_its_schema_on_the_first_line():
    for name in DATA_FILES:
        first = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_comment(name)
        assert (ROOT / "data" / first.split("$schema=")[1]).is_file()


@pytest.mark.parametrize("name", list(DATA_FILES))
def test_the_data_is_valid_against_its_schema(name):
    data = load_yaml(ROOT / "data" / name)
    validator = jsonschema.Draft202012Validator(file_schema(name, DATA_FILES[name]))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_the_schema_flags_what_check_flags_while_typing():
    schema = file_schema("projects.yaml", DATA_FILES["projects.yaml"])
    data = load_yaml(ROOT / "data" / "projects.yaml")
    validator = jsonschema.Draft202012Validator(schema)
    project = data["projects"][0]
    wrong = [
        {**project, "titel": project["title"]},  # a misspelt field
        {k: v for k, v in project.items() if k != "municipality"},  # a missing one
        {**project, "pages": "side 12"},  # not a page number
        {**project, "reach": "alle"},  # not one of the allowed values
    ]
    for broken in wrong:
        assert list(validator.iter_errors({"projects": [broken]})), broken
    cell = project["cost"]["parts"][0]["columns"][0]["hours"]
    assert list(validator.iter_errors({"projects": [_with_cell(project, {**cell, "vikarer": "2,25 kr."})]}))


def _with_cell(project: dict, hours: dict) -> dict:
    column = {**project["cost"]["parts"][0]["columns"][0], "hours": hours}
    part = {**project["cost"]["parts"][0], "columns": [column]}
    return {**project, "cost": {**project["cost"], "parts": [part]}}


def test_schemas_describe_fields_in_danish_without_developer_notes():
    schema = json.loads(schema_files()["projects.schema.json"])
    project = schema["$defs"]["Project"]
    assert "description" not in project  # the class docstring is for developers
    assert project["properties"]["municipality"]["description"].startswith("Id på kommunen")
    assert "title" not in project["properties"]["municipality"]


# --- the data-format reference ----------------------------------------------------


def _all_models() -> set[type[BaseModel]]:
    return {model for name in DATA_FILES for model in models_of(name)}


def test_every_model_field_has_a_description():
    missing = [
        f"{model.__name__}.{name}"
        for model in _all_models()
        for name, info in model.model_fields.items()
        if not (info.description and info.description.strip())
    ]
    assert missing == []


def test_the_reference_lists_every_field_with_type_requirement_and_description(real_catalogue):
    catalogue = real_catalogue
    for name in DATA_FILES:
        listed = sections(catalogue, name)
        assert {s.model for s in listed} == set(models_of(name))
        for section in listed:
            assert [row.name for row in section.rows] == list(section.model.model_fields)
            for row, info in zip(section.rows, section.model.model_fields.values(), strict=True):
                assert row.type and row.description
                assert row.required == info.is_required()


def test_the_reference_gives_real_examples_and_is_in_the_navigation():
    site = build_site(ROOT)
    page = next(p for p in site.pages if p.path == reference_path("projects.yaml"))
    assert (
        '<th scope="row"><code>municipality</code></th>'
        '<td>id i <a href="../municipalities/#municipality">data/municipalities.yaml</a></td><td>Ja</td>'
        in page.markdown
    )
    assert '<th scope="row"><code>id</code></th><td>id (a–z, 0–9 og bindestreg)</td>' in page.markdown
    first = next(iter(site.catalogue.projects.values()))
    assert f"<code>{first.id}</code>" in page.markdown
    assert '<code>cost</code></th><td><a href="#costtable">CostTable</a></td><td>Nej</td>' in page.markdown
    assert REFERENCE_INDEX in str(site.nav) and reference_path("cases.yaml") in str(site.nav)


def test_a_field_without_description_stops_the_reference():
    from generator.site.pages.reference import field_description

    class Bare(BaseModel):
        x: int

    with pytest.raises(ValueError, match=r"Bare\.x has no description"):
        field_description(Bare, "x", Bare.model_fields["x"])


# --- check in GitHub Actions, and the change summary ------------------------------


def test_check_annotates_the_line_in_github_actions(minimal):
    edit(minimal / "data" / "elements.yaml", '    name: "Hjemmebesøg"', '    navn: "Hjemmebesøg"')
    plain = run_generator("check", "--root", str(minimal), env={"GITHUB_ACTIONS": ""})
    actions = run_generator("check", "--root", str(minimal), env={"GITHUB_ACTIONS": "true"})
    assert actions.returncode == plain.returncode == 1
    assert plain.stdout == ""
    located = [line for line in plain.stderr.splitlines() if line.startswith("data/")]
    annotations = actions.stdout.splitlines()
    assert len(annotations) == len(located) >= 2  # the unknown field and the missing one
    file, line, col = located[0].split(":")[:3]
    assert annotations[0].startswith(f"::error file={file},line={line},col={col},title=")


def test_the_sources_contradictions_are_one_notice_in_github_actions():
    result = run_generator("check", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 0
    warnings = sum(1 for line in result.stderr.splitlines() if ": warning: " in line)
    assert warnings > 0
    assert result.stdout.splitlines() == [
        f"::notice title=Kilderne siger sig selv imod::{warnings} steder, hvor kilderne er uenige; "
        "de står i loggen fra python -m generator check og vises på sitet."
    ]


def test_annotations_are_escaped_and_warnings_are_notices():
    problem = Problem("data/a,b.yaml", Position(3, 5), "x:y", "first line\nsecond 100%")
    assert problem.annotation() == "::error file=data/a%2Cb.yaml,line=3,col=5,title=x%3Ay::first line\\nsecond 100%25"
    notice = Problem("data/a.yaml", None, "", "the report disagrees", Severity.WARNING)
    assert notice.annotation() == "::notice file=data/a.yaml,line=1,col=1,title=data::the report disagrees"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_changes_lists_added_removed_and_changed_entries(minimal):
    _git(minimal, "init", "-q", "-b", "main")
    _git(minimal, "add", "-A")
    _git(minimal, "commit", "-q", "-m", "base")
    edit(minimal / "data" / "elements.yaml", 'name: "Sprogkuffert"', 'name: "Sprogkufferten"')
    municipalities = minimal / "data" / "municipalities.yaml"
    data = yaml.safe_load(municipalities.read_text(encoding="utf-8"))
    removed = data["municipalities"][-1]
    text = municipalities.read_text(encoding="utf-8")
    text += "  - id: eksempelby\n    name: Eksempelby Kommune\n    short_name: Eksempelby\n"
    text += f"    region: {removed['region']}\n"
    municipalities.write_text(text, encoding="utf-8")
    result = run_generator("changes", "HEAD", "--root", str(minimal))
    assert result.returncode == 0, result.stderr
    assert "### `data/elements.yaml`" in result.stdout
    changed = "`elements`: `sprogkuffert` (`Sprogkufferten`), felter: `name`"
    assert f"- **Ændret:** {changed}" in result.stdout
    assert "- **Tilføjet:** `municipalities`: `eksempelby` (`Eksempelby Kommune`)" in result.stdout
    assert "data/projects.yaml" not in result.stdout  # unchanged files are left out
    bad = run_generator("changes", "no-such-branch", "--root", str(minimal))
    assert bad.returncode == 1 and "not a git revision" in bad.stderr


def test_changes_escape_what_the_data_says_and_notice_a_new_order():
    from generator.maintainers.changes import compare, report

    old = {"items": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]}
    new = {"items": [{"id": "b", "name": "B"}, {"id": "a", "name": "<!-- [x](https://evil.example) `"}]}
    text = report([compare("data/x.yaml", old, new)], "origin/main")
    # The value stands whole in a code span whose fence is longer than its own backticks.
    assert "`a` (`` <!-- [x](https://evil.example) ` ``)" in text  # tests/maintainers/test_output_safety.py has more
    assert "- **Ny rækkefølge:** `items`: rækkefølgen af 2 poster" in text
    assert compare("data/x.yaml", old, {"items": list(old["items"])}).reordered == []


# --- edit links -------------------------------------------------------------------


def test_every_page_says_which_file_and_line_to_edit():
    site = build_site(ROOT)
    origins = site.origins()
    assert set(origins) == {p.path for p in site.pages} | {p for p in site.content if p.endswith(".md")}
    lines = {
        name: (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()
        for name in ("elements.yaml", "projects.yaml", "programmes.yaml", "municipalities.yaml")
    }
    for entries, file, path in (
        (site.catalogue.elements.values(), "elements.yaml", "elementer/{}.md"),
        (site.catalogue.projects.values(), "projects.yaml", "puljeprojekter/{}.md"),
        (site.catalogue.programmes.values(), "programmes.yaml", "programmer/{}.md"),
    ):
        for entry in entries:
            origin = origins[path.format(entry.id)]
            assert origin.file == f"data/{file}"
            assert lines[file][origin.line - 1].strip().replace('"', "") == f"- id: {entry.id}"
    assert origins["om/index.md"] == Origin("content/om/index.md")
    for path, origin in origins.items():  # a generated page also names the template with its fixed wording
        if path not in site.content:
            assert origin.template and (ROOT / origin.template).is_file(), path
    assert all(not o.file.startswith("build/") for o in origins.values())  # never the generated Markdown


def test_edit_links_go_to_the_editor_and_to_the_line():
    link = edit_link("https://github.com/o/r", Origin("data/projects.yaml", 426))
    assert link.edit_url == "https://github.com/o/r/edit/main/data/projects.yaml"
    assert link.view_url == "https://github.com/o/r/blob/main/data/projects.yaml#L426"


def test_the_repository_comes_from_the_environment_or_the_github_remote(tmp_path):
    assert repository_url(tmp_path, {"KB_REPOSITORY_URL": "https://example.org/r/"}) == "https://example.org/r"
    actions = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "kl/vidensbase"}
    assert repository_url(tmp_path, actions) == "https://github.com/kl/vidensbase"
    _git(tmp_path, "init", "-q")
    assert repository_url(tmp_path, {}) is None  # no remote: no edit links
    _git(tmp_path, "remote", "add", "origin", "git@github.com:kl/vidensbase.git")
    assert repository_url(tmp_path, {}) == "https://github.com/kl/vidensbase"


def test_built_pages_link_to_their_source_without_calling_an_api(built):
    """The real site is built with KB_REPOSITORY_URL set to REPOSITORY (tests/conftest.py)."""
    page = (built / "elementer" / "overgangsmoeder" / "index.html").read_text(encoding="utf-8")
    line = next(
        i
        for i, text in enumerate((ROOT / "data" / "elements.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if text.strip() == "- id: overgangsmoeder"
    )
    assert f'href="{REPOSITORY}/edit/main/data/elements.yaml">Rediger denne side</a>' in page
    assert f'href="{REPOSITORY}/blob/main/data/elements.yaml#L{line}"' in page
    about = (built / "om" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPOSITORY}/edit/main/content/om/index.md"' in about
    assert f'href="{REPOSITORY}/edit/main/generator/site/templates/element.md.j2"' in page
    assert "generator/site/templates" not in about
    assert "api.github.com" not in page and "md-source" not in page


# --- reproducible builds ------------------------------------------------------------


def test_two_builds_of_one_commit_are_byte_identical(built, tmp_path):
    again = tmp_path / "site"
    build_real_site(again)
    first = {p.relative_to(built).as_posix(): p.read_bytes() for p in sorted(built.rglob("*")) if p.is_file()}
    second = {p.relative_to(again).as_posix(): p.read_bytes() for p in sorted(again.rglob("*")) if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_the_build_date_comes_from_the_commit(tmp_path):
    from generator.cli import _reproducible

    assert _reproducible(ROOT, {"SOURCE_DATE_EPOCH": "1"})["SOURCE_DATE_EPOCH"] == "1"
    committed = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    assert _reproducible(ROOT, {})["SOURCE_DATE_EPOCH"] == committed.stdout.strip()
