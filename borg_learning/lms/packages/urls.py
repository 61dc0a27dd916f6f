"""``/learning/packages/``: the endpoints a package's launcher calls; the core's
``borg_learning.urls`` includes them through the hook ``register_learning_urls``."""

from django.urls import path

from borg_learning.lms.packages import endpoints

app_name = "borg_learning_lms_packages"
urlpatterns = [
    path("start/", endpoints.start, name="start"),
    path("status/", endpoints.status, name="status"),
]
