"""Batches: lists below other objects, loaded together for every object an answer lists.

The objects are announced as they are resolved (``announce``); the first list asked
loads the lists of all announced objects at once (``batched``), so a list of 100
modules with their themes or translations costs the queries of one.
"""

from borg_learning.api.graphql.loaders import Loaders

#: The batch of pages' translations (``LearningPage.translations``), by translation key.
TRANSLATIONS = "translations_by_key"


def batch(info, name):
    return Loaders.of(info).memo(name, lambda: {"wanted": set(), "loaded": {}})


def announce(info, name, key):
    """Say that the answer will ask ``key`` of the batch ``name``."""
    state = batch(info, name)
    if key not in state["loaded"]:
        state["wanted"].add(key)


def batched(info, name, key, load, default=None):
    """The value of ``key`` in the batch ``name``: the first key asked loads every key
    announced so far, with ``load(keys) -> {key: value}``."""
    state = batch(info, name)
    if key not in state["loaded"]:
        keys = (state["wanted"] | {key}) - state["loaded"].keys()
        found = load(keys)
        for wanted in keys:
            state["loaded"][wanted] = found.get(wanted, default)
        state["wanted"].clear()
    return state["loaded"][key]
