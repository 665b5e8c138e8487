"""generator/search on its own: German word forms and compounds, the cleaned index, the synonym
file and the browser's table (no MkDocs, no browser)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.check.synonyms import load_synonyms
from generator.check.validate import load_content
from generator.problems import ContentError
from generator.search.german import German
from generator.search.index import TEXT_FIELD, TITLE_FIELD, rewrite
from generator.search.table import script, terms

ROOT = Path(__file__).resolve().parents[2]
SEPARATOR = r'[\s\-,:;!?=\[\]()"/„“”‚‘»«…]+|\.(?!\d)'


@pytest.fixture(scope="module")
def german() -> German:
    return German.open(None)


def test_lemmas_and_compound_parts(german: German):
    assert german.lemma("Fachkräfte") == "fachkraft"
    assert german.lemma("Jugendämter") == "jugendamt"
    assert german.parts("Kinderschutzfachkraft")[:2] == ["kinderschutz", "fachkraft"]
    assert set(german.parts("Fachberatungsstelle")) >= {"fachberatung", "stelle", "beratung", "beratungsstelle"}
    assert german.parts("Aufenthaltsrecht") == ["aufenthalt", "recht"]  # the linking s is dropped
    assert german.parts("Unterstützung") == []  # a prefix is not a part
    assert german.parts("Polizei") == []


def test_cache_remembers_answers(tmp_path: Path, german: German):
    cache = tmp_path / "words.json"
    first = German.open(cache)
    first.lemma("Kindern")
    first.parts("Kinderhandel")
    first.save()
    again = German.open(cache)
    assert again.lemmas["Kindern"] == "kind" and again.splits["kinderhandel"] == ["kinder", "handel"]
    assert again._lemmatize is None  # answered from the cache, the library was not loaded


def _index() -> dict:
    doc = lambda location, title, text, **extra: {"location": location, "title": title, "text": text, **extra}  # noqa: E731
    return {"config": {"lang": ["de"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"],
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}},
            "docs": [
                doc("akteure/schule/", "Schule", "<p>Lehrkräfte bemerken Fehlzeiten.</p>"),
                doc("akteure/schule/#link-und-qr-code", "Link und QR-Code", "<p>QR-Code anzeigen</p>"),
                doc("akteure/schule/#wird-genannt-in", "Wird genannt in", "<p>Stichwörter: Lehrerin, Schulsozialarbeit</p>"),
                doc("glossar/#kinderhandel", "Kinderhandel", "<p>Handel mit Kindern.</p>"),
                doc("redaktion/", "Für die Redaktion", "<p>" + "Lange Anleitung. " * 60 + "</p>"),
                doc("redaktion/#felder", "Felder", "<p>Jedes Feld erklärt.</p>"),
                doc("quellen/", "Quellen", "<p>Alle Quellen.</p>"),
            ]}


def test_index_is_clean_weighted_and_enriched(german: German):
    index, vocab = rewrite(_index(), german)
    docs = {d["location"]: d for d in index["docs"]}
    assert "akteure/schule/#link-und-qr-code" not in docs  # trainer block gone
    assert "redaktion/#felder" not in docs  # editor page: one short, weak entry that still names editing
    assert docs["redaktion/"]["boost"] <= 0.1 and len(docs["redaktion/"]["text"]) < 400
    assert "bearbeiten" in docs["redaktion/"][TITLE_FIELD]
    assert docs["quellen/"]["boost"] < 1
    assert docs["akteure/schule/#wird-genannt-in"]["boost"] < 1
    school = docs["akteure/schule/"]
    assert "lehrerin" in school[TITLE_FIELD].split()  # keywords count like the title
    assert "lehrkraft" in school[TEXT_FIELD].split()  # lemma beside the surface form
    assert {"kind", "handel"} <= set(docs["glossar/#kinderhandel"][TITLE_FIELD].split())  # compound parts
    assert index["config"]["fields"][TITLE_FIELD]["boost"] > index["config"]["fields"][TEXT_FIELD]["boost"]
    assert vocab.forms["lehrkräfte"].lemma == "lehrkraft"


def test_browser_table_maps_forms_and_synonyms(german: German, tmp_path: Path):
    (tmp_path / "suche.yaml").write_text(
        "groups:\n  - words: [Polizei, Police]\nleads:\n  - word: Checkliste\n    to: [Indikatoren]\n", encoding="utf-8")
    index, vocab = rewrite(_index(), german)
    data = terms(vocab, load_synonyms(tmp_path), SEPARATOR, directory_urls=False)
    assert data["lemmas"]["lehrkräfte"] == "lehrkraft"
    assert data["parts"]["kinderhandel"] == ["kinder", "kind", "handel"]
    assert data["synonyms"] == {"polizei": ["police"], "police": ["polizei"], "checkliste": ["indikatoren"]}
    assert [h["href"] for h in data["help"]] == ["verdacht/index.html", "hilfe/index.html", "glossar/index.html"]
    body = re.fullmatch(r"(?s)//[^\n]*\nvar __bkkSearch = (.*);\n", script(data))
    assert body and json.loads(body[1]) == data


def test_shipped_synonym_file_is_valid():
    synonyms = load_synonyms(ROOT / "content")
    expanded = synonyms.expansions()
    assert "polizei" in expanded["police"] and "verdacht" in expanded["checkliste"]
    assert "notfall" in expanded


def test_bad_synonym_file_names_file_line_and_column(tmp_path: Path):
    (tmp_path / "suche.yaml").write_text("groups:\n  - words: [Polizei]\nleads:\n  - wort: Checkliste\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_synonyms(tmp_path)
    text = str(err.value)
    assert re.search(r"suche\.yaml:2:\d+: error:", text), text
    assert re.search(r"suche\.yaml:4:\d+: error:", text), text


def test_a_word_in_two_groups_is_refused(tmp_path: Path):
    (tmp_path / "suche.yaml").write_text("groups:\n  - words: [Heim, Wohngruppe]\n  - words: [heim, Kinderheim]\n",
                                         encoding="utf-8")
    with pytest.raises(ContentError, match="schon in Gruppe 1"):
        load_synonyms(tmp_path)


def test_bkk_site_check_reports_a_bad_synonym_file(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "content", content)
    (content / "suche.yaml").write_text("groups:\n  - words: [Polizei]\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content(content)
    assert re.search(r"suche\.yaml:2:\d+: error:", str(err.value)), str(err.value)
