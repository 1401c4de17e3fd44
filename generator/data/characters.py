"""Characters that no honest data needs: one rule, used by the reader and by the models' text types.

Control characters can hide in a double-quoted YAML escape ("\\x1b[31m", "\\0"); a lone surrogate
("\\ud800") cannot even be written to a UTF-8 file; bidirectional overrides and isolates make text
display in another order than it is stored ("Trojan Source"), and zero-width characters make two
names that look alike differ. None of them occurs in the sources.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters except tab and newline, DEL, and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Zero-width and other invisible format characters (bidi marks, word joiner, BOM, soft hyphen).
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} ({name})" if name else f"U+{ord(char):04X}"


def control_problem(text: str) -> str | None:
    """Why ``text`` cannot be read at all (a control character or a lone surrogate), or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return f"contains the control character {_describe(found.group())}; remove it"


def text_problem(text: str, *, single_line: bool) -> str | None:
    """What is wrong with the characters of a text field, or None.

    Multi-line text may hold newlines and tabs; a single-line text (a name, a title) holds
    neither, and no invisible character that could make it look like another name.
    """
    found = (_CONTROL_OR_BREAK if single_line else _CONTROL).search(text)
    if found is not None:
        char = found.group()
        if single_line and char in "\n\t\r\u2028\u2029":
            return f"must be a single line without tabs, got the character {_describe(char)}"
        return f"contains the control character {_describe(char)}; remove it"
    found = _BIDI.search(text)
    if found is not None:
        return f"contains the bidirectional control {_describe(found.group())}, which can disguise text; remove it"
    if single_line and (found := _INVISIBLE.search(text)) is not None:
        return f"contains the invisible character {_describe(found.group())}; remove it"
    return None
