"""docs/schema.graphql is the contract with the frontend: it must match the code."""

from pathlib import Path

from borg_learning.api.graphql import schema

SDL = Path(__file__).resolve().parents[2] / "docs" / "schema.graphql"


def test_the_exported_schema_is_current():
    assert SDL.read_text().strip() == str(schema).strip(), (
        "docs/schema.graphql is stale: run `make schema` and commit it."
    )


def test_every_block_is_its_own_type_in_the_union():
    sdl = SDL.read_text()
    assert (
        "union LearningModuleBlock = LearningTextBlock | LearningImageBlock | "
        "LearningAudioBlock | LearningVideoBlock | LearningExerciseBlock | "
        "LearningDownloadBlock | LearningLinkBlock"
    ) in sdl
    assert "JSONString" not in sdl and "GenericScalar" not in sdl


def test_the_enums_are_the_model_choices():
    """Each enum is made from the model's choices: its names stand for the stored values."""
    from wagtailmedia.models import MediaType

    from borg_learning import evaluation, models
    from borg_learning.content import blocks
    from borg_learning.learners import models as learners
    from borg_learning.learners import progress
    from borg_learning.routes import kinds
    from borg_learning.routes import progress as routes

    pairs = {
        "LearningExerciseKind": blocks.ExerciseKind,
        "LearningLinkKind": blocks.LinkKind,
        "LearningLinkTarget": blocks.LinkTarget,
        "LearningQuestionKind": models.evaluation.QuestionKind,
        "LearningOfferingFormat": models.OfferingFormat,
        "LearningProviderAccess": models.ProviderAccess,
        "LearningModuleKind": models.ModuleKind,
        "LearningStartButtonTarget": models.StartButton.Target,
        "LearningMediaKind": MediaType,
        "LearningEvaluationErrorCode": evaluation.Code,
        "LearningProgressEvent": learners.Event,
        "LearningBlockKind": learners.BlockKind,
        "LearningLearnerErrorCode": progress.Code,
        "LearningRouteStepKind": kinds.StepKind,
        "LearningRouteErrorCode": routes.Code,
    }
    for name, choices in pairs.items():
        values = schema.graphql_schema.get_type(name).values
        assert {key: value.value for key, value in values.items()} == {
            member.name: member for member in choices
        }, name
