"""The BKK's content model: item types, kinds, the loaded content, and what they say about themselves.

Knows nothing about Markdown or MkDocs; every later stage reads the model, never the YAML.
"""
