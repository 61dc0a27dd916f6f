"""Limits that keep one request cheap: depth, query length and page size."""

from graphql import GraphQLError
from graphql.language import (
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
)
from graphql.validation import ValidationRule

from borg_learning.conf import learning_settings


def page_window(limit, offset):
    """Validated (offset, limit) for a list; errors name the setting that limits them."""
    maximum = learning_settings.GRAPHQL_MAX_PAGE_SIZE
    limit = learning_settings.GRAPHQL_PAGE_SIZE if limit is None else limit
    if not 1 <= limit <= maximum:
        raise GraphQLError(
            f"limit must be between 1 and {maximum} (the page size limit, "
            f"BORG_LEARNING['GRAPHQL_MAX_PAGE_SIZE']); got {limit}."
        )
    offset = offset or 0
    if offset < 0:
        raise GraphQLError(f"offset must be 0 or more; got {offset}.")
    return offset, limit


def query_length_error(query):
    maximum = learning_settings.GRAPHQL_MAX_QUERY_LENGTH
    if len(query) > maximum:
        return (
            f"The query is {len(query)} characters long, over the query size limit of "
            f"{maximum} (BORG_LEARNING['GRAPHQL_MAX_QUERY_LENGTH'])."
        )
    return None


class DepthLimitRule(ValidationRule):
    """Refuses operations nested deeper than ``GRAPHQL_MAX_DEPTH``; introspection is exempt.

    The depth of each fragment is computed once, so a fragment spread many times (or
    fragments spreading each other twice, level after level) costs no more than once.
    """

    def enter_document(self, node, *args):
        self.fragments = {
            definition.name.value: definition
            for definition in node.definitions
            if definition.kind == "fragment_definition"
        }
        self.fragment_depths = {}

    def enter_operation_definition(self, node: OperationDefinitionNode, *args):
        depth = self.depth(node.selection_set, frozenset())
        maximum = learning_settings.GRAPHQL_MAX_DEPTH
        if depth > maximum:
            name = node.name.value if node.name else "anonymous"
            self.report_error(
                GraphQLError(
                    f"Operation '{name}' is {depth} levels deep, over the query depth limit of "
                    f"{maximum} (BORG_LEARNING['GRAPHQL_MAX_DEPTH']).",
                    node,
                )
            )

    def depth(self, selection_set, visiting):
        """How many levels of fields a selection set has, its own included."""
        if selection_set is None:
            return 0
        deepest = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value.startswith("__"):
                    continue
                deepest = max(deepest, 1 + self.depth(selection.selection_set, visiting))
            elif isinstance(selection, InlineFragmentNode):
                deepest = max(deepest, self.depth(selection.selection_set, visiting))
            elif isinstance(selection, FragmentSpreadNode):
                deepest = max(deepest, self.fragment_depth(selection.name.value, visiting))
        return deepest

    def fragment_depth(self, name, visiting):
        # Unknown and cyclic fragments are reported by the specified rules.
        if name in self.fragment_depths:
            return self.fragment_depths[name]
        if name in visiting or name not in self.fragments:
            return 0
        depth = self.depth(self.fragments[name].selection_set, visiting | {name})
        self.fragment_depths[name] = depth
        return depth
