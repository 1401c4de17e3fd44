"""Stage 4–5: the pages of the site, their paths, labels, templates and pictures."""
