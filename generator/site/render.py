"""Stage 5: render Jinja2 templates to Markdown, escaping everything from the data.

Every ``{{ value }}`` is escaped for Markdown and HTML by default (through the
environment's ``finalize``), so text from a pull request can never become
markup: ``<script>`` shows as text, ``[x](javascript:…)`` stays literal. Values
that are already safe Markdown (links built by the generator) are ``Markup``.
"""

from __future__ import annotations

import functools
import hashlib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..data.models import PageRange
from ..domain.numbers import danish_number
from ..domain.units import whole_kroner

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATES_DIR = "generator/site/templates"  # the same folder, from the project root (for edit links)

# Characters that start inline Markdown/HTML syntax; replaced by HTML character references.
_INLINE = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "#": "&#35;",
    '"': "&quot;",  # values also stand inside HTML attributes (aria-label, title)
    "'": "&#39;",
}
_INLINE_RE = re.compile("[" + re.escape("".join(_INLINE)) + "]")
# A value placed at the start of a line must not open a block (heading, list, quote, ...).
_BLOCK_START = re.compile(r"^([-+=]\s|[-=]+$|\d+[.)]\s|[!?]{3})")
_SPACE = re.compile(r"\s+")


def escape_markdown(value: Any) -> Markup:
    """Plain text from the data, made safe to place anywhere in Markdown."""
    if isinstance(value, Markup):
        return value
    return _escaped(str(value))


@functools.lru_cache(maxsize=1 << 16)  # a build escapes ~14,000 values, most of them many times (names, numbers)
def _escaped(text: str) -> Markup:
    text = _SPACE.sub(" ", text).strip()
    text = _INLINE_RE.sub(lambda m: _INLINE[m.group(0)], text)
    text = _BLOCK_START.sub(lambda m: f"&#{ord(m.group(0)[0])};{m.group(0)[1:]}", text)
    return Markup(text)


def format_pages(pages: PageRange) -> str:
    return f"s. {pages}"


# How the templates are compiled; the compiled copies in the cache are kept apart by these options (and Jinja's
# version), which change the compiled code without changing a template's source.
_OPTIONS: dict[str, Any] = {
    "autoescape": False,
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}


def environment() -> Environment:
    how = f"{jinja2.__version__} {sorted(_OPTIONS.items())} finalize={escape_markdown.__qualname__}"
    compiled_as = hashlib.sha256(how.encode()).hexdigest()[:16]
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        finalize=escape_markdown,
        # Compiling the templates is a third of generating the site. Jinja keeps each compiled template in the
        # user's own cache folder (private, in the temp folder), checked against a hash of the template's source,
        # so an edited template is compiled again and a stale copy is never used.
        bytecode_cache=FileSystemBytecodeCache(pattern=f"__kb_{compiled_as}_%s.cache"),
        **_OPTIONS,
    )
    env.filters["pages"] = format_pages
    env.filters["kr"] = kroner
    env.filters["kr_range"] = kroner_range
    return env


def kroner(value: Decimal) -> str:
    """An amount as the site shows it: whole kroner, Danish separators ('1.099 kr.')."""
    return f"{danish_number(whole_kroner(value))} kr."


def kroner_range(span: Any) -> str:
    """A range with ``low`` and ``high`` ('1.099–11.523 kr.'), or one amount when they are equal."""
    low, high = danish_number(whole_kroner(span.low)), danish_number(whole_kroner(span.high))
    return f"{low} kr." if low == high else f"{low}–{high} kr."


_ENV = environment()


def render(template: str, **context: Any) -> str:
    text = _ENV.get_template(template).render(**context)
    # Collapse runs of blank lines left by template logic; Markdown treats them alike.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def macros(template: str, **context: Any) -> Any:
    """A template's macros with ``context`` as their globals: for HTML fragments that are not pages."""
    return _ENV.get_template(template).make_module(vars=context)
