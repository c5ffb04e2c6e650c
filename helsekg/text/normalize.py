"""Invisible characters: find them, and hide them from the NLP without moving an offset.

Policy texts copied from the web or a PDF carry format characters nobody sees: a soft hyphen
(U+00AD) left by hyphenation, zero-width spaces and joiners (U+200B-U+200D), word joiners (U+2060), a
byte order mark (U+FEFF) in the middle of a pasted text, bidirectional marks. Python's ``\\w`` does not
match them and the tokenizer glues them to a neighbouring word, so "rådet\\u00ad" is not "rådet".

``Document.text`` keeps them (offsets are code points of the text as read, and an anchor is always
``text[start:end]``). The NLP sees either

* :func:`mask_invisible`: the same text, same length, with each invisible character at a word edge
  replaced by a space (inside a word it stays, glued to the word as the tokenizer sees it); or
* :func:`visible_text`: the text without them plus a map from each of its offsets back to the original,
  for code that compares words (gazetteer look-ups, cue lists).

>>> text = "HelseOmsorg21-rådet\\u00ad gir innspill"
>>> mask_invisible(text)[:21]
'HelseOmsorg21-rådet  '
>>> clean, back = visible_text("helse\\u00adtjeneste\\u200b for alle")
>>> clean, back[5], back[14]
('helsetjeneste for alle', 6, 16)
>>> visible("\\ufeffUtvalget\\u00ad")
'Utvalget'
"""

from __future__ import annotations

import unicodedata

__all__ = ["INVISIBLE", "has_invisible", "is_invisible", "mask_invisible", "visible", "visible_text"]

#: Invisible characters named in issue 17; every other Unicode format character (category Cf) counts too.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u180e")


def is_invisible(char: str) -> bool:
    """True for a format character (Unicode category Cf: soft hyphen, zero-width space, BOM, ...).

    >>> is_invisible("\\u00ad"), is_invisible("a"), is_invisible(" ")
    (True, False, False)
    """
    return char in INVISIBLE or unicodedata.category(char) == "Cf"


def has_invisible(text: str) -> bool:
    """True when ``text`` holds at least one invisible character (a fast pre-check)."""
    if text.isascii():
        return False
    # each distinct character once: a page of Norwegian text has a few dozen, not thousands (issue 18)
    return any(is_invisible(c) for c in set(text) if not c.isascii())


def visible(text: str) -> str:
    """``text`` without its invisible characters (for look-ups; offsets change)."""
    if not has_invisible(text):
        return text
    return "".join(c for c in text if not is_invisible(c))


def visible_text(text: str) -> tuple[str, list[int]]:
    """``text`` without invisible characters, and for each offset of it (and its end) the original offset.

    Returns:
        ``(clean, back)`` with ``len(back) == len(clean) + 1``; ``text[back[i]] == clean[i]`` and
        ``back[len(clean)] == len(text)``.
    """
    keep = [i for i, c in enumerate(text) if not is_invisible(c)]
    return "".join(text[i] for i in keep), keep + [len(text)]


def mask_invisible(text: str) -> str:
    """The same-length text with each invisible character next to a non-word character (or at an end)
    replaced by a space; invisible characters between two word characters (a soft hyphen inside a word)
    stay. Offsets into the result are offsets into ``text``.

    >>> mask_invisible("a\\u200bb \\u200b c\\ufeff") == "a\\u200bb   c "
    True
    """
    if not has_invisible(text):
        return text
    chars = list(text)
    n = len(chars)
    for i, c in enumerate(text):
        if not is_invisible(c):
            continue
        j = i - 1
        while j >= 0 and is_invisible(text[j]):
            j -= 1
        k = i + 1
        while k < n and is_invisible(text[k]):
            k += 1
        inside = j >= 0 and k < n and _wordish(text[j]) and _wordish(text[k])
        if not inside:
            chars[i] = " "
    return "".join(chars)


def _wordish(char: str) -> bool:
    return char.isalnum() or char == "-"
