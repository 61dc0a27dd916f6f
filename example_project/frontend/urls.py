from django.urls import re_path

from .views import index

app_name = "frontend"

urlpatterns = [re_path(r"^(?!admin/|django-admin/|graphql/|api/|static/|media/|documents/).*$",
                       index, name="index")]
