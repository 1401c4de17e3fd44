"""Synthetic data (not a test): a copy of the project whose data is N times today's, for benchmarks.

    .venv/bin/python scripts/synthetic.py 10 /tmp/kb-10x

copies data/, content/, overrides/ and mkdocs.yml into the target folder and, for k = 2 … N, adds a
clone of every entry of the lists that grow (elements, projects, theme meetings and cases,
programmes, municipalities) under ids ending in ``-s<k>``. A clone's references point at the
clones of the same copy, so copy k is a self-contained second knowledge base beside the first:
project ``x-s3`` lies in municipality ``y-s3`` and is linked to element ``z-s3``. The references are
found from the models' own markers (``RefersTo``/``RefersWithin`` in generator/data/models), so a new
reference field is cloned right without a change here.

Ids nested in a clone (activities, discrepancies, …) get the suffix too, so anchors stay unique on
pages that gather them; names and titles get `` (s<k>)`` so every title stays unique; element and
theme-meeting numbers continue after the last one (element 10 is the first clone of element 1).
Texts are copied verbatim, so their lengths are today's. Lists that do not grow (sources, regions,
element groups, report chapters, recommendations, search words) and the single-entry files
(evaluation, report) are kept as they are and keep pointing at the originals.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data.catalogue import DATA_FILES  # noqa: E402
from generator.data.references import RefersTo, RefersWithin, markers_of  # noqa: E402

# The lists that grow: (file, key). References to them are redirected to the clone of the same copy.
GROWING = {
    ("elements.yaml", "elements"),
    ("projects.yaml", "projects"),
    ("cases.yaml", "theme_meetings"),
    ("cases.yaml", "cases"),
    ("programmes.yaml", "programmes"),
    ("municipalities.yaml", "municipalities"),
}
RENAMED = ("name", "title", "short_name")  # an entry's own names, kept unique
RENUMBERED = {("elements.yaml", "elements"), ("cases.yaml", "theme_meetings")}


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # every clone written out in full, no YAML anchors
        return True


def _union_member(value: dict[str, Any], bare: Any) -> Any:
    """The model of a union (``A | B``, maybe discriminated by ``kind``) that ``value``'s keys fit."""
    members = [m for m in typing.get_args(bare) if isinstance(m, type) and issubclass(m, BaseModel)]
    for member in members:
        kind = member.model_fields.get("kind")
        if kind is not None and value.get("kind") in typing.get_args(kind.annotation):
            return member
    for member in members:
        if set(value) <= set(member.model_fields):
            return member
    return None


def clone_value(value: Any, annotation: Any, metadata: tuple[Any, ...], suffix: str) -> Any:
    """``value`` (raw YAML of type ``annotation``) with its ids and its references to growing lists suffixed."""
    bare, markers = markers_of(annotation, metadata)
    if isinstance(value, str):
        for marker in markers:
            if isinstance(marker, RefersWithin) or (
                isinstance(marker, RefersTo) and (marker.file, marker.key) in GROWING and value not in marker.also
            ):
                return value + suffix
        return value
    if isinstance(value, list):
        args = typing.get_args(bare)
        item = args[0] if args else Any
        return [clone_value(v, item, (), suffix) for v in value]
    if isinstance(value, dict):
        model = bare if isinstance(bare, type) and issubclass(bare, BaseModel) else _union_member(value, bare)
        if model is None:
            return copy.deepcopy(value)
        out = {}
        for key, item in value.items():
            field = model.model_fields.get(key)
            if key == "id" and isinstance(item, str):
                out[key] = item + suffix
            elif field is None:
                out[key] = copy.deepcopy(item)
            else:
                out[key] = clone_value(item, field.annotation, tuple(field.metadata), suffix)
        return out
    return value


def _entry_model(file: str, key: str) -> type[BaseModel]:
    field = DATA_FILES[file].model_fields[key]
    bare, _ = markers_of(field.annotation, field.metadata)
    return typing.get_args(bare)[0]


def grow(data: dict[str, Any], file: str, times: int) -> None:
    """Append copies 2 … ``times`` of every growing list of ``file`` (its raw YAML ``data``) in place."""
    for grown_file, key in sorted(GROWING):
        if grown_file != file or not isinstance(data.get(key), list):
            continue
        originals, model = data[key], _entry_model(file, key)
        top = max((e.get("number", 0) for e in originals), default=0)
        clones = []
        for k in range(2, times + 1):
            suffix = f"-s{k}"
            for entry in originals:
                clone = clone_value(entry, model, (), suffix)
                for name in RENAMED:
                    if isinstance(clone.get(name), str):
                        clone[name] = f"{clone[name]} (s{k})"
                if (file, key) in RENUMBERED and isinstance(clone.get("number"), int):
                    clone["number"] += (k - 1) * top
                clones.append(clone)
        data[key] = originals + clones


def make(times: int, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copytree(ROOT / "data", target / "data", ignore=shutil.ignore_patterns("*.yaml"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "build" / "docs").mkdir(parents=True)
    for source in sorted((ROOT / "data").glob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        if times == 1 or source.name not in {f for f, _ in GROWING}:
            (target / "data" / source.name).write_text(text, encoding="utf-8")
            continue
        data = yaml.safe_load(text)
        grow(data, source.name, times)
        header = f"# yaml-language-server: $schema=schemas/{source.stem}.schema.json\n"
        body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
        (target / "data" / source.name).write_text(header + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("times", type=int, help="how many copies of today's data (1: today's data as it is)")
    parser.add_argument("target", type=Path, help="project folder to write (replaced if it exists)")
    args = parser.parse_args(argv)
    if args.times < 1:
        parser.error("times must be at least 1")
    if args.target.resolve() in (ROOT, *ROOT.parents):
        parser.error("the target must not be the project itself or one of its parents")
    make(args.times, args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
