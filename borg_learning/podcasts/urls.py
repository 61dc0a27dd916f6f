from django.urls import path

from borg_learning.podcasts.feeds import podcast_feed

app_name = "borg_learning_podcasts"

urlpatterns = [
    path("", podcast_feed, name="feed"),
    path("<slug:theme>/", podcast_feed, name="theme_feed"),
]
