"""Words of an index entry, split the way the browser's search splits them."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
# The separator in mkdocs.yml (search plugin) splits query and index alike; the index text
# still holds HTML tags and entities, which the browser's tokenizer never sees as words.
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def plain(text: str) -> str:
    """Index text without HTML tags and entities."""
    return html.unescape(_TAG.sub(" ", text))


def tokens(text: str, separator: re.Pattern[str]) -> list[str]:
    """Words as written (case kept for the lemmatizer), split like lunr splits them; digits-only dropped."""
    out = []
    for raw in separator.split(plain(text)):
        word = raw.strip("„“”‚‘'’\"»«;?!.…*+~^")
        if len(word) >= 2 and _LETTERS.search(word):
            out.append(word)
    return out
