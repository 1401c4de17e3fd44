"""Static knowledge-base generator: YAML data -> typed models -> Markdown pages -> MkDocs site."""
