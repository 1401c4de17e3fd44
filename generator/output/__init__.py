"""Stage 6: what leaves the generator: the docs tree, downloads, search data, edit links."""
