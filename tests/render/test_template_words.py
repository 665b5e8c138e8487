"""Every text a template marks with ``_()`` or ``{% trans %}`` has its English words, and no
catalog entry is left over from a text no template says any more."""

from __future__ import annotations

from babel.messages.extract import extract_from_dir

from generator.render.language import LOCALES, catalog
from generator.render.templates import TEMPLATES

OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True", "newstyle_gettext": "True"}


def template_messages() -> dict[str, set[str]]:
    """German text → the templates that say it."""
    found: dict[str, set[str]] = {}
    for file, _line, message, _comments, _context in extract_from_dir(
            str(TEMPLATES), method_map=[("**.j2", "jinja2")], options_map={"**.j2": OPTIONS}):
        for text in message if isinstance(message, tuple) else (message,):
            if text:
                found.setdefault(text, set()).add(file)
    return found


def test_every_marked_template_text_has_english_words():
    english = catalog("en")
    missing = {text: sorted(files) for text, files in template_messages().items() if text not in english}
    assert not missing, f"Ohne englische Übersetzung (in {LOCALES / 'en'}/*.po eintragen): {missing}"


def test_a_marked_text_is_found():
    """The extraction itself works (otherwise the test above could never fail)."""
    assert "Wer ist gefragt?" in template_messages()


def test_catalogs_agree_where_they_say_the_same_text():
    """A German text in two catalogs has one English translation (else the file read last would win)."""
    from babel.messages.pofile import read_po

    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for po in sorted((LOCALES / "en").glob("*.po")):
        with po.open("rb") as f:
            for message in read_po(f):
                if not message.id or not message.string:
                    continue
                before = seen.setdefault(message.id, (message.string, po.name))
                if before[0] != message.string:
                    clashes.append(f"{message.id!r}: {before[1]} → {before[0]!r}, {po.name} → {message.string!r}")
    assert not clashes, "\n".join(clashes)
