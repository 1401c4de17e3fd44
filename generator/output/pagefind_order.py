"""Make Pagefind's filter files the same in every run.

Pagefind 1.5 writes its words, pages and fragments in a fixed order, but each filter's values, and the list of
filters in the index's meta file, in the order of a Rust hash map, which changes from run to run (its source
says so: "TODO: Change filter indexes to BTree to give them a stable hash"). So two builds of one commit would
differ in ``pagefind/filter/*.pf_filter``, ``pagefind.*.pf_meta`` and ``pagefind-entry.json``. This post-step
sorts them: each filter file's values by value, the meta file's filters by name, and renames what it rewrites
after its new content (the browser finds every file by the names in the meta and entry files, which are
rewritten to match). Searching is unchanged: the values of a filter are looked up by name.

The files are gzip streams of ``pagefind_dcd`` followed by CBOR (RFC 8949); the small codec below reads and
writes the definite-length, shortest-form CBOR that Pagefind writes, and refuses anything else, so a Pagefind
that changes its format fails the build here instead of writing a broken index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAGIC = b"pagefind_dcd"


class FormatChanged(ValueError):
    """Pagefind's files are not what this step knows; pin Pagefind or update the step."""


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | extra]) + value.to_bytes(size, "big")
    raise FormatChanged(f"integer too large: {value}")


def encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        return bytes([0xF5 if value is True else 0xF4 if value is False else 0xF6])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise FormatChanged(f"cannot encode {type(value).__name__}")


def decode(data: bytes) -> Any:
    value, end = _decode(data, 0)
    if end != len(data):
        raise FormatChanged("trailing bytes after the CBOR value")
    return value


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    first = data[at]
    major, info = first >> 5, first & 31
    at += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise FormatChanged(f"unsupported CBOR simple value or float ({info})")
        return simple[info], at
    if info < 24:
        length = info
    elif info <= 27:
        size = 1 << (info - 24)
        length = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise FormatChanged("indefinite-length CBOR")
    if major == 0:
        return length, at
    if major == 1:
        return -1 - length, at
    if major in (2, 3):
        raw = data[at : at + length]
        return (raw if major == 2 else raw.decode("utf-8")), at + length
    if major == 4:
        items = []
        for _ in range(length):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(length):
            key, at = _decode(data, at)
            mapping[key], at = _decode(data, at)
        return mapping, at
    raise FormatChanged(f"unsupported CBOR major type {major}")


def unpacked(data: bytes, name: str) -> bytes:
    """What a Pagefind file holds: gunzipped, without its header."""
    data = gzip.decompress(data)
    if not data.startswith(MAGIC):
        raise FormatChanged(f"{name}: no {MAGIC.decode()} header")
    return data[len(MAGIC) :]


def read(path: Path) -> Any:
    body = unpacked(path.read_bytes(), path.name)
    value = decode(body)
    if encode(value) != body:  # what is written back must be what Pagefind would write
        raise FormatChanged(f"{path.name}: not in shortest-form CBOR")
    return value


def indexed_pages(fetch: Callable[[str], bytes]) -> dict[str, dict[str, Any]]:
    """Every page of an index as Pagefind's fragments hold it (url, content, meta, filters), by URL; ``fetch``
    gives a file of the ``pagefind/`` folder by its path in it (from disk, or from a server)."""
    entry = json.loads(fetch("pagefind-entry.json"))
    found = {}
    for info in entry["languages"].values():
        name = f"pagefind.{info['hash']}.pf_meta"
        meta = decode(unpacked(fetch(name), name))
        for page_hash, _words in meta[1]:  # the meta file's pages: [fragment hash, word count]
            path = f"fragment/{page_hash}.pf_fragment"
            fragment = json.loads(unpacked(fetch(path), path))
            found[fragment["url"]] = fragment
    return found


def _packed(value: Any) -> bytes:
    return gzip.compress(MAGIC + encode(value), compresslevel=9, mtime=0)


def _name(language: str, packed: bytes, length: int) -> str:
    return f"{language}_{hashlib.sha256(packed).hexdigest()[:length]}"


def stable_order(bundle: Path) -> None:
    """Rewrite ``bundle`` (a ``pagefind/`` folder) so that its files depend only on what was indexed."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        renamed = {}
        for path in sorted((bundle / "filter").glob(f"{language}_*.pf_filter")):
            name, values = read(path)
            packed = _packed([name, sorted(values, key=lambda value: value[0])])
            renamed[path.stem] = _name(language, packed, len(path.stem) - len(language) - 1)
            path.unlink()
            (bundle / "filter" / f"{renamed[path.stem]}.pf_filter").write_bytes(packed)
        filters = _filter_list(meta, renamed)
        for item in filters:
            item[1] = renamed[item[1]]
        filters.sort(key=lambda item: item[0])
        packed = _packed(meta)
        info["hash"] = _name(language, packed, len(info["hash"]) - len(language) - 1)
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(packed)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _filter_list(meta: Any, renamed: dict[str, str]) -> list[list[str]]:
    """The meta file's list of [filter name, filter file hash] (found by the hashes, not by position)."""
    if not renamed:
        return []
    for item in meta if isinstance(meta, list) else []:
        pairs = isinstance(item, list) and item and all(isinstance(f, list) and len(f) == 2 for f in item)
        if pairs and {f[1] for f in item} == set(renamed):
            return item
    raise FormatChanged("the meta file lists no filters that match the filter files")
