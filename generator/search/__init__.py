"""Search that understands German as people type it, computed at build time.

Pure functions over Material's ``search_index.json`` (no MkDocs import): a clean index
(``clean``), lemmas and compound parts beside the surface forms (``german``, ``enrich``), and
the compact form → lemma table plus the reviewed synonyms that the browser uses to map a
query the same way (``table``). ``generator/mkdocs/search_hook.py`` connects it to MkDocs.
"""
