"""Property-based tests: whatever text or bytes come in, the loader answers with ContentError or data;
whatever text sits in a plain-text field, the page shows it as text and never as markup."""

from __future__ import annotations

import contextlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import FIXTURE, overlay
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.validate import load_content
from generator.load import decode, parse
from generator.problems import ContentError
from generator.render.pages import _ANGLES, render_pages

# The project's Markdown extensions, as mkdocs.yml lists them.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.superfences"]
YAMLISH = st.text(alphabet=st.sampled_from(list("ab: -\n\t[]{},&*!|>'\"#%@`?\\\u2028\x85\ufeffü0.")), max_size=80)
BOUNDED = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@BOUNDED
@given(st.one_of(st.text(max_size=200), YAMLISH))
def test_parse_never_raises_anything_but_content_error(text):
    try:
        parse(text, "x.yaml")
    except ContentError as exc:
        assert all(p.mark.file == "x.yaml" and p.mark.line >= 1 for p in exc.problems)


@BOUNDED
@given(st.binary(max_size=200))
def test_bytes_never_raise_anything_but_content_error(raw):
    with contextlib.suppress(ContentError):
        parse(decode(raw, "x.yaml"), "x.yaml")


class _Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)


# Text without characters YAML cannot hold; anything else goes.
# valid text: controls, format characters and line separators are refused by the one-line fields (tests/test_one_line_fields.py)
FIELD_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=120).filter(lambda s: s.strip())
HOSTILE_TEXT = st.one_of(FIELD_TEXT, st.sampled_from([
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=alert(1) }", "*[E]: x", "<img src=x onerror=alert(1)>",
    "jav&#x61;script:alert(1)", "`code` **fett** _kursiv_ # Titel", "<!-- x -->", "\\<script>", "&lt;script&gt;", "a | b | c",
]))


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``value`` (line separators escaped too)."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=10**6).strip()


@pytest.fixture(scope="module")
def content_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("prop")
    overlay(root, FIXTURE)
    return root


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=HOSTILE_TEXT, summary=HOSTILE_TEXT, keyword=HOSTILE_TEXT)
def test_plain_text_fields_stay_text_on_the_page(content_dir, title, summary, keyword):
    path = content_dir / "akteure" / "polizei.yaml"
    path.write_text("id: polizei\nlevel: state\nrole: Die Polizei ermittelt.\nsources: [ecpat-2021]\nprovenance: bkk\n"
                    f"title: {_quoted(title)}\nsummary: {_quoted(summary)}\nkeywords: [{_quoted(keyword)}]\n", encoding="utf-8")
    pages = render_pages(load_content(content_dir))
    page = pages["akteure/polizei.md"]
    body = page.split("\n---\n", 1)[1]
    rendered = markdown.markdown(body, extensions=EXTENSIONS)
    parsed = _Html()
    parsed.feed(rendered)
    assert not any(tag == "script" for tag, _ in parsed.tags)
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not re.match(r"\s*(javascript|data|vbscript):", attrs.get("href", ""), re.I)
    text = " ".join("".join(parsed.text).split())
    assert " ".join(title.split()) in text  # the title survives escaping, character for character
    front = dict(line.split(": ", 1) for line in page.split("\n---\n", 1)[0].splitlines()[1:])
    assert json.loads(front["title"]) == title.strip().translate(_ANGLES)
