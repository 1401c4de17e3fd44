"""Stage 1–3: read the YAML safely, validate it into typed models, and assemble the catalogue."""
