"""The problems of the learners', routes' and certificates' mutations have one shape and
describe the codes about the learner alike, so a frontend handles them with one piece of
code."""

from borg_learning.api.graphql import schema

ERROR_TYPES = ["LearningLearnerError", "LearningRouteError", "LearningCertificateError"]


def test_each_sub_app_s_problem_has_the_same_fields():
    types = schema.graphql_schema.type_map
    for name in ERROR_TYPES:
        fields = types[name].fields
        assert list(fields) == ["field", "code", "message"], name
        assert str(fields["code"].type) == f"{name}Code!"
        assert str(fields["message"].type) == "String!"


def test_the_codes_about_the_learner_read_the_same_everywhere():
    types = schema.graphql_schema.type_map
    for code in ("NO_LEARNER", "UNKNOWN_LEARNER"):
        descriptions = {types[f"{name}Code"].values[code].description for name in ERROR_TYPES}
        assert len(descriptions) == 1, (code, descriptions)
