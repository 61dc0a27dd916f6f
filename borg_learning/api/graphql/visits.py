"""Counting visits over GraphQL (the beacon ``POST /api/visits/`` does the same)."""

import graphene

from borg_learning.analytics import visits
from borg_learning.api.graphql.loaders import database_id


class RecordVisitPayload(graphene.ObjectType):
    class Meta:
        name = "LearningRecordVisitPayload"

    counted = graphene.Boolean(
        required=True,
        description="False for bots, previews, pages that are not published learning "
        "pages, a client whose visit to the page already counted today and a browser page "
        "of a site that may not send visits; such a visit is not an error.",
    )


class RecordVisit(graphene.Mutation):
    """Count a visit to a learning page, once per client per page per day. No cookie,
    nothing about the visitor is kept."""

    class Arguments:
        page = graphene.ID(required=True)
        preview = graphene.Boolean(description="True when the page is shown as a preview.")

    Output = RecordVisitPayload

    def mutate(root, info, page, preview=False):
        # One request counts one visit: a document of many aliased recordVisit fields
        # would otherwise add hundreds at once.
        request = info.context
        if getattr(request, "_borg_learning_visit_recorded", False):
            return RecordVisitPayload(counted=False)
        request._borg_learning_visit_recorded = True
        counted = visits.record_visit(database_id(page), request, preview=bool(preview))
        return RecordVisitPayload(counted=counted)


class VisitsMutation:
    record_visit = RecordVisit.Field(
        description="Count a visit to a learning page (or use POST /api/visits/ with "
        "navigator.sendBeacon)."
    )
