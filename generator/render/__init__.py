"""Model in, Markdown pages out: Jinja2 templates, links between pages, SVG, search terms."""
