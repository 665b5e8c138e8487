"""Hostile text that is valid content reaches the built site as text: no markup, no script, no script links.

Uses the site built from the fixture plus tests/hostile/valid (see conftest.built_site).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from generator.model.items import _check_markdown, _check_url
from generator.postbuild.verify import verify_site
from generator.render.text import markdown_field


class _Text(HTMLParser):
    def __init__(self, tag: str):
        super().__init__(convert_charrefs=True)
        self.tag, self.inside, self.found = tag, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            self.inside += 1
            self.found.append("")

    def handle_endtag(self, tag):
        if tag == self.tag:
            self.inside -= 1

    def handle_data(self, data):
        if self.inside:
            self.found[-1] += data


def texts(path, tag):
    parser = _Text(tag)
    parser.feed(path.read_text(encoding="utf-8"))
    return [" ".join(t.split()).removesuffix("¶").strip() for t in parser.found]


def test_built_site_passes_link_and_safety_checks(built_site):
    links, unsafe = verify_site(built_site)
    assert links == [] and unsafe == []


def test_script_in_title_is_shown_as_text(built_site):
    page = built_site / "empfehlungen" / "frueh-austauschen" / "index.html"
    assert texts(page, "h1") == ['E-01: <script>alert("titel")</script> Früh austauschen']
    # the <title> gets look-alike angle brackets (see render.pages.front_matter): text, never a tag
    assert texts(page, "title")[0].startswith('＜script＞alert("titel")＜/script＞ Früh austauschen')
    raw = page.read_text(encoding="utf-8")
    assert "<script>alert" not in raw


def test_markup_in_plain_fields_is_shown_as_text(built_site):
    polizei = built_site / "akteure" / "polizei" / "index.html"
    assert texts(polizei, "h1") == ["Polizei {: onclick=\"alert('attr')\" } *[Polizei]: Falle"]
    summary = '[klick](javascript:alert("summary")) & <b onmouseover=alert(1)>fett</b> jav&#x61;script:'
    assert summary in " ".join(texts(polizei, "p"))
    # the description meta keeps the quote inside its value: no second http-equiv="refresh" attribute
    assert 'content="0;url=https://evil.example/"' not in polizei.read_text(encoding="utf-8")
    glossary = built_site / "glossar" / "index.html"
    assert "Inobhutnahme &lt;script&gt; &#60;iframe src=//evil&#62; (<svg onload=alert(1)>)" in texts(glossary, "h2")


class _Attrs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs += [(tag, k, v or "") for k, v in attrs]


def test_no_event_handlers_or_script_urls_anywhere(built_site):
    for page in built_site.rglob("*.html"):
        parser = _Attrs()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not [a for a in parser.attrs if a[1].startswith("on")], page
        assert not [a for a in parser.attrs if a[1] in ("href", "src") and re.match(r"\s*(javascript|vbscript|data):", a[2], re.I)], page


@pytest.mark.parametrize("text", [
    "[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x]( javascript:alert(1))", "[x](<javascript:alert(1)>)",
    "[x](jav&#x61;script:alert(1))", "[x](javascript&colon;alert(1))", "[x](&#106;avascript:alert(1))", "[x](%6Aavascript:alert(1))",
    "[x](jav&amp;#x61;script:alert(1))", "[x](java\\script:alert(1))", "[x][r]\n\n[r]: javascript:alert(1)", "[x][r]\n\n   [r]: <data:text/html,x>",
    "[x](data:text/html,<b>x</b>)", "[x](vbscript:x)", "[x](file:///etc/passwd)", "<javascript:alert(1)>", "<https://example.org>",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- versteckt -->", "< script>", "<?php ?>",
    "![Bild](https://tracker.example/p.gif)", "![Bild][r]\n\n[r]: https://tracker.example/p.gif",
    "Absatz\n{: onclick=\"alert(1)\" }", "[x](https://a.de){: onclick=alert(1)}", "*b*{ onmouseover=alert(1) }", "## T {#id .klasse}",
    "*[BKK]: Etwas anderes",
])
def test_markdown_fields_refuse_markup_and_script_links(text):
    with pytest.raises(ValueError):
        _check_markdown(text)


@pytest.mark.parametrize("text", [
    "Siehe [BKK](https://example.org/a_(b)) und [Mail](mailto:info@example.org).",
    "Siehe [Jugendamt](../akteure/jugendamt.md#rolle), **fett**, _kursiv_, `Code`.",
    "- Liste\n- mit {geschweiften Klammern} und a = b\n\n1. Preis: 5 €",
    "Fußnote[^1]\n\n[^1]: Quelle.",
])
def test_markdown_fields_accept_ordinary_markdown(text):
    assert _check_markdown(text) == text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://a.de/>[x](javascript:alert(1))<", 'https://a.de/"onmouseover=x',
                                 "https://a.de/\\x", "data:text/html,x", "https://a.de/ x"])
def test_urls_refuse_what_could_leave_the_autolink(url):
    with pytest.raises(ValueError):
        _check_url(url)


def test_urls_accept_real_addresses():
    for url in ["https://www.gesetze-im-internet.de/stgb/__232.html", "https://de.wikipedia.org/wiki/A_(B)?x=1&y=2#z",
                "https://example.org/straße"]:
        assert _check_url(url) == url


def test_markdown_field_neutralises_html_and_attribute_lists_again():
    out = markdown_field("Absatz <b>\n{: onclick=x }")
    assert "<b>" not in out and "\\{: onclick" in out
