"""Heading anchors that stay the same and read well in a link: ``Empfehlungen für Akteure`` →
``empfehlungen-fuer-akteure``.

Used by MkDocs' ``toc`` extension (``slugify`` in mkdocs.yml). German umlauts and ß are spelled
out (ä→ae, ö→oe, ü→ue, ß→ss) instead of being dropped (the default gives ``fur``) or kept
(percent-encoded, unreadable on slides). Anchors only change when a heading's wording changes;
ids set in templates (``{: #id }``) never do.
"""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "Ss"})


def slugify(value: str, separator: str = "-") -> str:
    text = unicodedata.normalize("NFC", value).translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(rf"[{re.escape(separator)}\s_-]+", separator, text).strip(separator)
