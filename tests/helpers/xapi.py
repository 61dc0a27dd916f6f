"""A small checker of xAPI 1.0.3 statements (the specification's Data part, §2.4): the
properties a statement, its actor (an Agent), verb, activity, result and context may
have, their types and formats. What it does not know is an error: a statement that
passes here uses nothing else."""

import re
import uuid
from urllib.parse import urlsplit

IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
DURATION = re.compile(r"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
INTERACTION_TYPES = {
    "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
    "sequencing", "likert", "numeric", "other",
}  # fmt: skip
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")


class Problems(list):
    def check(self, condition, where, message):
        if not condition:
            self.append(f"{where}: {message}")

    def keys(self, value, where, allowed, required=()):
        if not isinstance(value, dict):
            self.append(f"{where}: must be an object")
            return False
        self.check(
            not set(value) - set(allowed), where, f"unknown {sorted(set(value) - set(allowed))}"
        )
        for key in required:
            self.check(key in value, where, f"{key} is required")
        return True


def _uuid(value) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


def _iri(value) -> bool:
    return isinstance(value, str) and bool(IRI.match(value))


def _irl(value) -> bool:
    parts = urlsplit(value) if isinstance(value, str) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


def _language_map(problems, value, where):
    if not isinstance(value, dict) or not value:
        problems.append(f"{where}: must be a language map")
        return
    for tag, text in value.items():
        problems.check(LANGUAGE_TAG.match(tag), where, f"{tag!r} is not a language tag")
        problems.check(isinstance(text, str), where, "values must be strings")


def _extensions(problems, value, where):
    problems.check(isinstance(value, dict), where, "must be an object")
    for key in value if isinstance(value, dict) else ():
        problems.check(_iri(key), where, f"key {key!r} is not an IRI")


def _agent(problems, agent, where):
    if not problems.keys(agent, where, ("objectType", "name", *IFIS)):
        return
    problems.check(agent.get("objectType", "Agent") == "Agent", where, "objectType is not Agent")
    ifis = [ifi for ifi in IFIS if ifi in agent]
    problems.check(len(ifis) == 1, where, f"exactly one identifier, got {ifis}")
    if "name" in agent:
        problems.check(isinstance(agent["name"], str), where, "name is not a string")
    if "mbox" in agent:
        problems.check(str(agent["mbox"]).startswith("mailto:"), where, "mbox is not mailto:")
    if "account" in agent:
        account = agent["account"]
        if problems.keys(account, where + ".account", ("homePage", "name"), ("homePage", "name")):
            problems.check(_irl(account["homePage"]), where, "account.homePage is not an IRL")
            problems.check(
                isinstance(account["name"], str) and account["name"], where, "account.name"
            )


def _activity(problems, activity, where):
    if not problems.keys(activity, where, ("objectType", "id", "definition"), ("id",)):
        return
    problems.check(activity.get("objectType", "Activity") == "Activity", where, "objectType")
    problems.check(_iri(activity["id"]), where, f"id {activity['id']!r} is not an IRI")
    definition = activity.get("definition")
    if definition is None:
        return
    allowed = (
        "name", "description", "type", "moreInfo", "extensions", "interactionType",
        "correctResponsesPattern", "choices", "scale", "source", "target", "steps",
    )  # fmt: skip
    if not problems.keys(definition, where + ".definition", allowed):
        return
    for key in ("name", "description"):
        if key in definition:
            _language_map(problems, definition[key], f"{where}.definition.{key}")
    if "type" in definition:
        problems.check(_iri(definition["type"]), where, "definition.type is not an IRI")
    if "moreInfo" in definition:
        problems.check(_irl(definition["moreInfo"]), where, "definition.moreInfo is not an IRL")
    if "extensions" in definition:
        _extensions(problems, definition["extensions"], where + ".definition.extensions")
    if "interactionType" in definition:
        problems.check(definition["interactionType"] in INTERACTION_TYPES, where, "interactionType")


def _result(problems, result, where):
    allowed = ("score", "success", "completion", "response", "duration", "extensions")
    if not problems.keys(result, where, allowed):
        return
    for key in ("success", "completion"):
        if key in result:
            problems.check(isinstance(result[key], bool), where, f"{key} is not a boolean")
    if "response" in result:
        problems.check(isinstance(result["response"], str), where, "response is not a string")
    if "duration" in result:
        problems.check(DURATION.match(str(result["duration"])), where, "duration")
    if "extensions" in result:
        _extensions(problems, result["extensions"], where + ".extensions")
    score = result.get("score")
    if score is None or not problems.keys(score, where + ".score", ("scaled", "raw", "min", "max")):
        return
    for key, value in score.items():
        problems.check(
            isinstance(value, (int, float)) and not isinstance(value, bool), where, f"score.{key}"
        )
    if "scaled" in score:
        problems.check(-1 <= score["scaled"] <= 1, where, "score.scaled outside -1 to 1")
    if "min" in score and "max" in score:
        problems.check(score["min"] < score["max"], where, "score.min is not below score.max")
    if "raw" in score:
        problems.check(score.get("min", score["raw"]) <= score["raw"], where, "score.raw < min")
        problems.check(score["raw"] <= score.get("max", score["raw"]), where, "score.raw > max")


def _context(problems, context, where):
    allowed = (
        "registration", "instructor", "team", "contextActivities", "revision", "platform",
        "language", "statement", "extensions",
    )  # fmt: skip
    if not problems.keys(context, where, allowed):
        return
    if "registration" in context:
        problems.check(_uuid(context["registration"]), where, "registration is not a UUID")
    if "language" in context:
        problems.check(LANGUAGE_TAG.match(str(context["language"])), where, "language")
    for key in ("revision", "platform"):
        if key in context:
            problems.check(isinstance(context[key], str), where, f"{key} is not a string")
    if "instructor" in context:
        _agent(problems, context["instructor"], where + ".instructor")
    if "extensions" in context:
        _extensions(problems, context["extensions"], where + ".extensions")
    activities = context.get("contextActivities")
    if activities is None:
        return
    kinds = ("parent", "grouping", "category", "other")
    if not problems.keys(activities, where + ".contextActivities", kinds):
        return
    for kind, listed in activities.items():
        for number, activity in enumerate(listed if isinstance(listed, list) else [listed]):
            _activity(problems, activity, f"{where}.contextActivities.{kind}[{number}]")


def problems_of(statement) -> list[str]:
    """What is wrong with ``statement``, as an LRS would refuse it; [] when nothing is."""
    problems = Problems()
    allowed = (
        "id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
        "authority", "version", "attachments",
    )  # fmt: skip
    if not problems.keys(statement, "statement", allowed, ("actor", "verb", "object")):
        return problems
    if "id" in statement:
        problems.check(_uuid(statement["id"]), "id", "is not a UUID")
    _agent(problems, statement["actor"], "actor")
    verb = statement["verb"]
    if problems.keys(verb, "verb", ("id", "display"), ("id",)):
        problems.check(_iri(verb["id"]), "verb", "id is not an IRI")
        if "display" in verb:
            _language_map(problems, verb["display"], "verb.display")
    _activity(problems, statement["object"], "object")
    if "result" in statement:
        _result(problems, statement["result"], "result")
    if "context" in statement:
        _context(problems, statement["context"], "context")
    if "timestamp" in statement:
        problems.check(TIMESTAMP.match(str(statement["timestamp"])), "timestamp", "not ISO 8601")
    return problems


def assert_valid(statement):
    problems = problems_of(statement)
    assert not problems, problems
