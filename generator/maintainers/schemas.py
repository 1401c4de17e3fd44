"""JSON Schemas for the data files, generated from the models (never written by hand).

Each data file names its schema in a first-line comment that the YAML extension of VS Code (and
other editors using yaml-language-server) reads, so maintainers get completion, the Danish field
descriptions and errors while they type:

    # yaml-language-server: $schema=schemas/projects.schema.json

The models' docstrings are notes for developers (in English), so only the fields' Danish
descriptions are kept in the schemas.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ..data.catalogue import DATA_FILES

SCHEMA_DIR = "data/schemas"  # beside the data files (site.DATA_DIR)


def schema_name(data_file: str) -> str:
    return data_file.removesuffix(".yaml") + ".schema.json"


def schema_comment(data_file: str) -> str:
    """The first line of a data file: where an editor finds the file's schema."""
    return f"# yaml-language-server: $schema=schemas/{schema_name(data_file)}"


def for_maintainers(schema: dict[str, Any]) -> dict[str, Any]:
    """Keep what helps an editor's user: the Danish field descriptions, not docstrings or generated titles."""
    for definition in [schema, *schema.get("$defs", {}).values()]:
        definition.pop("description", None)  # the model's docstring, for developers
        for field in definition.get("properties", {}).values():
            field.pop("title", None)  # 'Short Name' from short_name: the description says more
    return schema


def file_schema(data_file: str, model: type[BaseModel]) -> dict[str, Any]:
    schema = for_maintainers(model.model_json_schema())
    schema["title"] = f"data/{data_file}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_files() -> dict[str, bytes]:
    """Every data file's schema, by its file name in SCHEMA_DIR."""
    return {
        schema_name(name): (json.dumps(file_schema(name, model), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        for name, model in DATA_FILES.items()
    }
