"""Tools for maintainers beside the pipeline: JSON Schemas and the data change summary."""
