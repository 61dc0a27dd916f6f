"""What an API answer depends on besides its URL and body, for its ``Vary`` header."""

from django.http import HttpRequest

VARY_ATTRIBUTE = "_borg_learning_vary"


def answer_varies_on(request: HttpRequest, header: str) -> None:
    """Say that this request's answer depends on the request header ``header`` (a token a
    resolver read, say): the GraphQL view names it in the answer's ``Vary``, so a cache in
    between does not give one learner's GET answer to another."""
    setattr(request, VARY_ATTRIBUTE, (*varies_on(request), header))


def varies_on(request: HttpRequest) -> tuple[str, ...]:
    return getattr(request, VARY_ATTRIBUTE, ())
