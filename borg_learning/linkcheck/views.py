"""Marking a link "checked by hand" from the report, and taking the mark away."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borg_learning.linkcheck.models import CheckedLink


@require_POST
def hand_check(request, pk):
    """An editor looked at the link in a browser: it works, or it is meant to be as it is
    (a login page of a membership provider, say). The mark keeps the link out of the
    report until the check finds something else or the link changes."""
    if not request.user.has_perm("borg_learning_linkcheck.change_checkedlink"):
        raise PermissionDenied
    link = get_object_or_404(CheckedLink, pk=pk)
    if request.POST.get("undo"):
        link.hand_checked_at = link.hand_checked_by = None
        messages.success(
            request, _("'%(url)s' is no longer marked as checked by hand.") % {"url": link.url}
        )
    else:
        link.hand_checked_at, link.hand_checked_by = timezone.now(), request.user
        messages.success(request, _("'%(url)s' is marked as checked by hand.") % {"url": link.url})
    link.save(update_fields=["hand_checked_at", "hand_checked_by"])
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("borg_learning_linkcheck:report")
    return redirect(target)
