"""Limits that keep one request cheap: depth, cost, aliases, query length and page size.

``limit_errors()`` checks the depth, cost and alias limits of a parsed document; our view
calls it before graphql-core's validation rules. ``validation_rules()`` gives the same
checks as a graphql-core rule, with the specified rules, for another view such as
graphene-django's ``GraphQLView(validation_rules=...)``.
"""

from graphql import GraphQLError, get_named_type, is_list_type, is_non_null_type
from graphql.language import (
    SKIP,
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    VariableNode,
)
from graphql.validation import ValidationRule, specified_rules

from borg_learning.conf import learning_settings

# How many items a list without a page size is counted as, by the type of its items: a
# module body has tens of blocks, a theme or section tens of modules; the other lists
# (themes of a module, parts, buttons, questions, options, choices) have a handful.
LIST_SIZE_ESTIMATES = {
    "LearningModuleBlock": 50,
    "LearningModule": 20,
    "LearningPage": 20,
    "LearningTheme": 20,
}
OTHER_LIST_SIZE_ESTIMATE = 10


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


def operation_label(node: OperationDefinitionNode):
    return node.name.value if node.name else "anonymous"


def fragment_definitions(document):
    return {
        definition.name.value: definition
        for definition in document.definitions
        if definition.kind == "fragment_definition"
    }


class OperationDepth:
    """How many levels of fields an operation nests; introspection fields do not count.

    The depth of each fragment is computed once, so a fragment spread many times (or
    fragments spreading each other twice, level after level) costs no more than once.
    """

    def __init__(self, document):
        self.fragments = fragment_definitions(document)
        self.fragment_depths = {}

    def operation_depth(self, operation: OperationDefinitionNode):
        return self.depth(operation.selection_set, frozenset())

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


class QueryCost:
    """About how many values the answer to an operation holds, counted from the document.

    Every field counts 1 (introspection fields 0); a list of objects counts what is
    selected below it once per item it may hold: its page size when the field above
    takes ``limit`` (``modules``, ``catalogue``, ``search``), else an estimate. Aliases
    count each. A fragment is counted once per page size it is spread under, so a
    document of fragments spreading each other is counted in linear time.

    ``variables``: the request's variable values; None when the caller does not know
    them, and a ``limit`` given by a variable then counts as the largest page size.
    """

    def __init__(self, schema, document, variables=None):
        self.schema = schema
        self.variables = variables
        self.fragments = fragment_definitions(document)
        self.fragment_costs = {}
        # The largest default of each variable, for a limit the variables leave out.
        self.variable_defaults = {}
        for definition in document.definitions:
            for variable in getattr(definition, "variable_definitions", None) or ():
                if isinstance(variable.default_value, IntValueNode):
                    name = variable.variable.name.value
                    value = int(variable.default_value.value)
                    self.variable_defaults[name] = max(value, self.variable_defaults.get(name, 0))

    def operation_cost(self, operation: OperationDefinitionNode):
        root_type = self.schema.get_root_type(operation.operation)
        return self.selection_cost(operation.selection_set, root_type, None, frozenset())

    def selection_cost(self, selection_set, parent_type, page_size, visiting):
        """The cost of a selection set on ``parent_type``; ``page_size`` is how many items
        its list fields hold when the field above takes ``limit``, else None."""
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field_cost(selection, parent_type, page_size, visiting)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                selected_type = self.schema.get_type(condition.name.value) if condition else None
                total += self.selection_cost(
                    selection.selection_set, selected_type or parent_type, page_size, visiting
                )
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment_cost(selection.name.value, page_size, visiting)
        return total

    def field_cost(self, node: FieldNode, parent_type, page_size, visiting):
        if node.name.value.startswith("__"):
            return 0
        definition = getattr(parent_type, "fields", {}).get(node.name.value)
        if definition is None or node.selection_set is None:
            return 1  # a leaf, or a field the specified rules report as unknown
        field_type = definition.type
        if is_non_null_type(field_type):
            field_type = field_type.of_type
        item_type = get_named_type(field_type)
        own_page_size = self.page_size(node) if "limit" in definition.args else None
        if is_list_type(field_type):
            size = own_page_size or page_size or self.list_size_estimate(item_type)
            inner_page_size = None
        else:
            size, inner_page_size = 1, own_page_size
        return 1 + size * self.selection_cost(
            node.selection_set, item_type, inner_page_size, visiting
        )

    def fragment_cost(self, name, page_size, visiting):
        # Unknown and cyclic fragments are reported by the specified rules.
        key = (name, page_size)
        if key in self.fragment_costs:
            return self.fragment_costs[key]
        fragment = self.fragments.get(name)
        if fragment is None or name in visiting:
            return 0
        fragment_type = self.schema.get_type(fragment.type_condition.name.value)
        cost = self.selection_cost(
            fragment.selection_set, fragment_type, page_size, visiting | {name}
        )
        self.fragment_costs[key] = cost
        return cost

    def page_size(self, node: FieldNode):
        """The number of items a field with ``limit`` answers with, at most."""
        default = learning_settings.GRAPHQL_PAGE_SIZE
        maximum = learning_settings.GRAPHQL_MAX_PAGE_SIZE
        argument = next((arg for arg in node.arguments if arg.name.value == "limit"), None)
        value = argument.value if argument else None
        if isinstance(value, VariableNode):
            name = value.name.value
            if self.variables is None:
                return maximum
            value = self.variables.get(name, self.variable_defaults.get(name))
        elif isinstance(value, IntValueNode):
            value = int(value.value)
        elif value is not None and value.kind != "null_value":
            return maximum  # not a number: refused by the specified rules
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            return maximum  # refused when the variables are coerced
        # A limit outside 1..maximum is refused when the field runs, with its own message.
        return min(max(value, 1), maximum)

    @staticmethod
    def list_size_estimate(item_type):
        return LIST_SIZE_ESTIMATES.get(getattr(item_type, "name", None), OTHER_LIST_SIZE_ESTIMATE)


def operation_costs(schema, document, variables=None):
    """The cost of each operation of a parsed document, by operation name."""
    cost = QueryCost(schema, document, variables)
    return {
        operation_label(definition): cost.operation_cost(definition)
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    }


def alias_count(document):
    """The aliased fields written in a document (a fragment's once), ``__typename`` not
    counted: each alias of a root field such as ``search`` runs it again."""
    count = 0
    stack = [definition.selection_set for definition in document.definitions]
    while stack:
        selection_set = stack.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                if selection.alias is not None and selection.name.value != "__typename":
                    count += 1
                stack.append(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
    return count


def limit_variables(document):
    """The names of the variables given as a ``limit`` argument anywhere in a document:
    the only variable values ``limit_errors`` reads (``QueryCost.page_size``)."""
    names = set()
    stack = [definition.selection_set for definition in document.definitions]
    while stack:
        selection_set = stack.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                for argument in selection.arguments or ():
                    if argument.name.value == "limit" and isinstance(argument.value, VariableNode):
                        names.add(argument.value.name.value)
            stack.append(getattr(selection, "selection_set", None))
    return frozenset(names)


def limit_settings():
    """The settings ``limit_errors`` reads: its outcome holds only while they do."""
    return (
        learning_settings.GRAPHQL_MAX_DEPTH,
        learning_settings.GRAPHQL_MAX_QUERY_COST,
        learning_settings.GRAPHQL_MAX_ALIASES,
        learning_settings.GRAPHQL_PAGE_SIZE,
        learning_settings.GRAPHQL_MAX_PAGE_SIZE,
    )


def limit_errors(schema, document, variables=None):
    """What the depth, cost and alias limits find wrong with a parsed document.

    Walks the document directly, in well under a millisecond for any query within the
    length limit, so a view can refuse an expensive query before graphql-core's own
    rules walk it. ``variables``: the request's values, when known (see ``QueryCost``).
    """
    errors = []
    depths, costs = OperationDepth(document), QueryCost(schema, document, variables)
    max_depth, max_cost = (
        learning_settings.GRAPHQL_MAX_DEPTH,
        learning_settings.GRAPHQL_MAX_QUERY_COST,
    )
    try:
        for operation in document.definitions:
            if not isinstance(operation, OperationDefinitionNode):
                continue
            name = operation_label(operation)
            depth = depths.operation_depth(operation)
            if depth > max_depth:
                errors.append(
                    GraphQLError(
                        f"Operation '{name}' is {depth} levels deep, over the query depth "
                        f"limit of {max_depth} (BORG_LEARNING['GRAPHQL_MAX_DEPTH']).",
                        operation,
                    )
                )
            cost = costs.operation_cost(operation)
            if cost > max_cost:
                errors.append(
                    GraphQLError(
                        f"Operation '{name}' costs about {cost}, over the query cost limit "
                        f"of {max_cost} (BORG_LEARNING['GRAPHQL_MAX_QUERY_COST']).",
                        operation,
                    )
                )
    except RecursionError:
        # Only fragments spreading each other hundreds of times over get here.
        return [GraphQLError("The query nests fragments too deeply.")]
    aliases, maximum = alias_count(document), learning_settings.GRAPHQL_MAX_ALIASES
    if aliases > maximum:
        errors.append(
            GraphQLError(
                f"The query has {aliases} aliased fields, over the alias limit of {maximum} "
                f"(BORG_LEARNING['GRAPHQL_MAX_ALIASES'])."
            )
        )
    return errors


class QueryLimitsRule(ValidationRule):
    """The depth, cost and alias limits (``limit_errors``) as a graphql-core rule."""

    variables = None  # the request's variable values, set by ``validation_rules(variables)``

    def enter_document(self, node, *args):
        for error in limit_errors(self.context.schema, node, self.variables):
            self.report_error(error)
        return SKIP  # the limits need no more of the walk


def validation_rules(variables=None):
    """graphql-core's specified rules and the limits, for ``validate()`` or for
    graphene-django's ``GraphQLView(validation_rules=...)`` (which replaces the specified
    rules with what it is given, so they are included).

    ``variables``: the request's variable values, when known, so that a ``limit`` given
    by a variable counts as what it is rather than as the largest page size.
    """
    rule = QueryLimitsRule
    if variables is not None:
        rule = type("QueryLimitsRule", (QueryLimitsRule,), {"variables": variables})
    return [*specified_rules, rule]
