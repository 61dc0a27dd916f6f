"""Rows the learning environment makes itself (a quote made through the API, a score or
statement on its way to an LMS) are shown in the admin but never made there by hand:
their viewset's model refuses those actions to everyone, superusers too."""

from django.utils.functional import cached_property
from wagtail.permission_policies import ModelPermissionPolicy

try:  # Wagtail 8: a model's permission policy is registered for the model
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7: the model's viewset names it
    register_permission_policy = None


class RefusingPolicy(ModelPermissionPolicy):
    """The model's usual permissions, less the refused actions."""

    def __init__(self, model, refused, **kwargs):
        super().__init__(model, **kwargs)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.refused])


class RefusedActionsMixin:
    """For a model's viewset: nobody does `refused_actions` ("add", "change", …) on it."""

    refused_actions = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if register_permission_policy is not None:  # before the viewset asks for it
            register_permission_policy(
                self.model, RefusingPolicy(self.model, self.refused_actions), exact_class=True
            )

    if register_permission_policy is None:

        @cached_property
        def permission_policy(self):
            return RefusingPolicy(self.model, self.refused_actions)
