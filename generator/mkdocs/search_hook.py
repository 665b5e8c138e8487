"""MkDocs side of the German search (generator/search): rewrite the index Material just wrote.

Runs after Material's search plugin has written ``search/search_index.json`` and before its
offline plugin turns that file into ``search_index.js`` for file:// (priorities 0 and -100).
Writes ``search/bkk-terms.js`` beside it, which ``docs/javascripts/bkk-search.js`` loads on the
first search. Word lemmas and splits are cached in ``.cache/bkk-site`` between builds.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generator.check.synonyms import load_synonyms
from generator.mkdocs import engine
from generator.problems import ContentError
from generator.search.german import German
from generator.search.index import rewrite
from generator.search.table import FILE, script, terms

CACHE = ".cache/bkk-site/search-words.json"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


@event_priority(-50)
def on_post_build(config) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file() or config.theme["language"] != "de":
        return  # other editions keep Material's index, stemmed by lunr for their language
    try:
        synonyms = load_synonyms(engine.content_folder(config))
    except ContentError as exc:
        raise PluginError("Die Synonymdatei enthält Fehler:\n" + str(exc)) from None
    german = German.open(_root(config) / CACHE)
    index, vocab = rewrite(json.loads(path.read_text(encoding="utf-8")), german)
    german.save()
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    data = terms(vocab, synonyms, index["config"].get("separator", ""), config.use_directory_urls)
    (Path(config.site_dir) / FILE).write_text(script(data), encoding="utf-8")
