"""The link checker and the safety check on small hand-made sites (fast, no MkDocs)."""

from __future__ import annotations

from pathlib import Path

from generator.mkdocs.csp import theme_script_patterns
from generator.postbuild.linkcheck import check_links
from generator.postbuild.safety import check_safety, script_hash

CSP = '<meta http-equiv="Content-Security-Policy" content="script-src \'self\' {hashes}">'


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for rel, body in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return tmp_path


def test_working_links_and_anchors_pass(tmp_path):
    root = site(tmp_path, {
        "index.html": '<a href="a/">A</a><a href="a/#teil">Teil</a><a href="#oben" id="oben">o</a><img src="bild.png">'
                      '<a href="https://example.org/x">extern</a><a href="mailto:x@example.org">Mail</a><a href="a/index.html">A</a>',
        "a/index.html": '<h2 id="teil">Teil</h2><a href="../">zurück</a><a href="../index.html#oben">oben</a>',
        "bild.png": "",
    })
    assert check_links(root) == []


def test_broken_targets_and_anchors_are_listed_with_page_and_line(tmp_path):
    root = site(tmp_path, {
        "index.html": '<p>\n<a href="fehlt/">weg</a>\n<a href="a/#nirgends">Anker</a>\n<a href="#auch-nicht">hier</a>\n'
                      '<img src="bilder/weg.png"><a href="../../etc/passwd">raus</a><a href="">leer</a><a href="ftp://x/">ftp</a>',
        "a/index.html": "<h2 id=teil>Teil</h2>",
    })
    found = {(b.page, b.line, b.url, b.reason) for b in check_links(root)}
    assert ("index.html", 2, "fehlt/", "Ziel fehlt") in found
    assert ("index.html", 3, "a/#nirgends", "Anker fehlt") in found
    assert ("index.html", 4, "#auch-nicht", "Anker fehlt") in found
    assert {b[2] for b in found} >= {"bilder/weg.png", "../../etc/passwd", "(leer)", "ftp://x/"}


def test_safety_accepts_hashed_theme_script_and_refuses_everything_else(tmp_path):
    good = "var a=1"
    head = CSP.format(hashes=script_hash(good))
    root = site(tmp_path, {
        "ok.html": f"<head>{head}</head><script>{good}</script><script type=application/json>{{}}</script>"
                   '<script src="assets/x.js"></script><a href="https://example.org">klick</a><link rel="canonical" href="https://x.org/">',
        "bad.html": f"<head>{head}</head><script>alert(1)</script><p onclick=alert(1)>x</p><a href=' jav&#x61;script:alert(1)'>x</a>"
                    '<img src="https://tracker.example/p.gif"><link rel=stylesheet href="https://cdn.example/x.css">',
        "nocsp.html": '<p>ohne Richtlinie</p><script src="assets/javascripts/bundle.0a1b2c.min.js"></script>',
        "stub.html": '<meta http-equiv="refresh" content="0; url=../ziel/"><a href="../ziel/">weiter</a>',
        "stub-script.html": "<script>location.href='x'</script>",
    })
    found = check_safety(root)
    assert not [b for b in found if b.page == "ok.html"]
    reasons = [b.reason for b in found if b.page == "bad.html"]
    assert reasons.count("lädt von einem fremden Server") == 2
    assert {"Inline-Skript, das die Sicherheitsrichtlinie nicht erlaubt", "Event-Handler-Attribut", "Skript- oder Daten-URL"} <= set(reasons)
    assert [b.reason for b in found if b.page == "nocsp.html"] == ["Sicherheitsrichtlinie fehlt"]
    assert [b.reason for b in found if b.page == "stub.html"] == []  # a redirect stub needs no policy of its own
    assert [b.reason for b in found if b.page == "stub-script.html"] == ["Inline-Skript, das die Sicherheitsrichtlinie nicht erlaubt"]


def test_script_in_title_is_text_not_script(tmp_path):
    root = site(tmp_path, {"t.html": CSP.format(hashes="") + "<title><script>alert(1)</script></title>"})
    assert check_safety(root) == []


def test_theme_patterns_match_materials_scripts_but_not_others(tmp_path):
    (tmp_path / "base.html").write_text('<script>__md_scope=new URL("{{ base_url }}",location)</script>'
                                        "<script>{% if x %}dynamisch{% endif %}</script>", encoding="utf-8")
    patterns = theme_script_patterns([str(tmp_path)])
    assert len(patterns) == 1
    assert patterns[0].fullmatch('__md_scope=new URL("../..",location)')
    assert not patterns[0].fullmatch('__md_scope=new URL("",alert(1),"",location)')
    assert not patterns[0].fullmatch("alert(1)")


def test_attribute_breakout_and_foreign_refresh_are_found(tmp_path):
    root = site(tmp_path, {
        "x.html": CSP.format(hashes="") + '<meta name="description" content="x" http-equiv="refresh" content="0;url=https://evil.example/">'
                  '<meta http-equiv="refresh" content="0; url=../neu/">',
    })
    reasons = [b.reason for b in check_safety(root)]
    assert "Attribut doppelt (Text ist aus einem Attributwert ausgebrochen)" in reasons
    assert reasons.count("Weiterleitung auf einen fremden Server") == 1


def test_reading_on_several_cores_gives_the_same_pages(tmp_path):
    from generator.postbuild.html_index import read_site

    root = site(tmp_path, {f"s{i}/index.html": f'<h2 id="a{i}">x</h2><a href="../s{(i + 1) % 250}/#a{(i + 1) % 250}">n</a>'
                           for i in range(250)})
    assert read_site(root, workers=2) == read_site(root, workers=1)
    assert check_links(root) == []


def test_pages_read_while_building_are_the_pages_on_disk(tmp_path):
    """The build hands each finished page to a ``Reader``; the check afterwards trusts such a page only
    while the file holds exactly the bytes handed over, and reads every other file itself."""
    from generator.postbuild.html_index import Reader, read_site
    from generator.postbuild.verify import verify_site

    pages = {f"s{i}/index.html": f'<h2 id="a{i}">x</h2><a href="../s{(i + 1) % 5}/#a{(i + 1) % 5}">n</a>' for i in range(5)}
    root = site(tmp_path, pages)
    reader = Reader(workers=1)
    try:
        for path, text in pages.items():
            reader.add(path, text)
        known = reader.pages()
    finally:
        reader.close()
    assert set(known) == set(pages)
    assert read_site(root, known=known) == read_site(root)
    # a file changed after it was handed over: read again, so an unsafe change is still found
    (root / "s3" / "index.html").write_text(pages["s3/index.html"] + '<a href="#" onclick="x()">x</a>', encoding="utf-8")
    links, unsafe = verify_site(root, known)
    assert [b.page for b in unsafe] == ["s3/index.html"]
    assert read_site(root, known=known) == read_site(root)


def test_without_spare_cores_the_reader_reads_nothing_early(tmp_path):
    from generator.postbuild.html_index import Reader

    reader = Reader(workers=0)
    reader.add("a.html", "<p>x</p>")
    assert reader.pages() == {}
    reader.close()
