"""Limits that keep one request cheap: depth, query length and page size."""

from graphql import GraphQLError
from graphql.language import (
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
)
from graphql.validation import ValidationRule

from ..conf import learning_settings


def page_window(limit, offset):
    """Validated (offset, limit) for a list; errors name the setting that limits them."""
    maximum = learning_settings.GRAPHQL_MAX_PAGE_SIZE
    limit = learning_settings.GRAPHQL_PAGE_SIZE if limit is None else limit
    if not 1 <= limit <= maximum:
        raise GraphQLError(
            f"limit must be between 1 and {maximum} (the page size limit, "
            f"BORG_LEARNING['GRAPHQL_MAX_PAGE_SIZE']); got {limit}.")
    offset = offset or 0
    if offset < 0:
        raise GraphQLError(f"offset must be 0 or more; got {offset}.")
    return offset, limit


def query_length_error(query):
    maximum = learning_settings.GRAPHQL_MAX_QUERY_LENGTH
    if len(query) > maximum:
        return (f"The query is {len(query)} characters long, over the query size limit of "
                f"{maximum} (BORG_LEARNING['GRAPHQL_MAX_QUERY_LENGTH']).")
    return None


class DepthLimitRule(ValidationRule):
    """Refuses operations nested deeper than ``GRAPHQL_MAX_DEPTH``; introspection is exempt."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *args):
        fragments = {
            definition.name.value: definition
            for definition in self.context.document.definitions
            if definition.kind == "fragment_definition"
        }
        depth = self.depth(node.selection_set, fragments, 0, set())
        maximum = learning_settings.GRAPHQL_MAX_DEPTH
        if depth > maximum:
            name = node.name.value if node.name else "anonymous"
            self.report_error(GraphQLError(
                f"Operation '{name}' is {depth} levels deep, over the query depth limit of "
                f"{maximum} (BORG_LEARNING['GRAPHQL_MAX_DEPTH']).", node))

    def depth(self, selection_set, fragments, level, visited):
        if selection_set is None:
            return level
        deepest = level
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value.startswith("__"):
                    continue
                deepest = max(deepest, self.depth(selection.selection_set, fragments,
                                                  level + 1, visited))
            elif isinstance(selection, InlineFragmentNode):
                deepest = max(deepest, self.depth(selection.selection_set, fragments, level,
                                                  visited))
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in visited or name not in fragments:
                    continue
                deepest = max(deepest, self.depth(fragments[name].selection_set, fragments,
                                                  level, visited | {name}))
        return deepest
