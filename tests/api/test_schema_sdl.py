"""docs/schema.graphql is the contract with the frontend: it must match the code."""

from pathlib import Path

from borg_learning.api.graphql import schema

SDL = Path(__file__).resolve().parents[2] / "docs" / "schema.graphql"


def test_the_exported_schema_is_current():
    assert SDL.read_text().strip() == str(schema).strip(), (
        "docs/schema.graphql is stale: run `make schema` and commit it.")


def test_every_block_is_its_own_type_in_the_union():
    sdl = SDL.read_text()
    assert ("union ModuleBlock = TextBlock | ImageBlock | AudioBlock | VideoBlock | "
            "ExerciseBlock | DownloadBlock | LinkBlock") in sdl
    assert "JSONString" not in sdl and "GenericScalar" not in sdl
