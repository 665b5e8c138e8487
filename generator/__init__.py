"""bkk-site: YAML about the Bundeskooperationskonzept in, Markdown pages out."""
