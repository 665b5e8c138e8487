"""The thin MkDocs side: the hooks mkdocs.yml names, running MkDocs in-process, the live preview.

The only package that imports MkDocs (named for the engine it serves, not to be confused with the
built ``site/`` folder)."""
