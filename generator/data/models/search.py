"""data/search.yaml: words people search for that the sources never use."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .common import MAX_ID, Strict

# --- search ------------------------------------------------------------------


SearchTerm = Annotated[str, StringConstraints(pattern=r"^[a-zæøåéü]+$", max_length=MAX_ID)]


class SearchWord(Strict):
    word: SearchTerm = Field(description="Et ord, som brugere søger på, men som sitet ikke bruger, fx 'koster'.")
    means: list[SearchTerm] = Field(
        description="Ord på sitet (ét ord, små bogstaver), som søgeordet skal finde, fx 'omkostninger'.", min_length=1
    )


class SearchFile(Strict):
    words: list[SearchWord] = Field(
        description="Søgeord, der ikke står på sitet, og de ord de skal finde (lægges i søgeindekset).",
        default_factory=list,
    )
