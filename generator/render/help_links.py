"""Help numbers in running text become ``tel:`` links, so every number on a page can be dialled.

Content fields may not carry ``tel:`` links themselves (only numbers from content/hilfe.yaml,
with their source and date, are links); a step that says "110" gets the link from that file.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup


def tel_links(text: Any, help_info: Any) -> Markup:
    """``text`` (Markdown, already escaped) with each known help number linked; a number that is
    already a link text (``[110](…)``) or part of a longer number stays as it is."""
    out = str(text)
    if help_info is None:
        return Markup(out)
    for line in help_info.lines:
        if not line.tel:
            continue
        pattern = re.compile(rf"(?<![\d\[:+]){re.escape(line.number)}(?![\d\]])")
        out = pattern.sub(lambda m, tel=line.tel: f"[{m.group(0)}](tel:{tel})", out)
    return Markup(out)
