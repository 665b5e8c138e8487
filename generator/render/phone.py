"""Phone numbers as links a phone can dial: ``tel:`` with the number in E.164 form.

The text stays as the source wrote it (``030 123 456``); only the link target is normalised,
so a tap on a phone dials the number from abroad too. German short numbers (110, 116 111)
have no E.164 form and keep their digits.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from .text import escape_text

COUNTRY = "49"


def tel_href(number: str) -> str:
    """``tel:`` target: ``+49…`` for German numbers with area code, the bare digits for short numbers."""
    text = number.replace("(0)", "")  # "+49 (0)40 …": the trunk zero is dropped after the country code
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):
        return f"tel:+{COUNTRY}{digits[1:]}"
    return f"tel:{digits}"


def tel_link(number: str) -> Markup:
    """A Markdown link: the number as written, the E.164 target."""
    return Markup(f"[{escape_text(number)}]({tel_href(number)})")
