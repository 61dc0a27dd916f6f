from django.urls import path

from borg_learning.podcasts.feeds import PodcastFeed

app_name = "borg_learning_podcasts"

urlpatterns = [
    path("", PodcastFeed(), name="feed"),
    path("<slug:theme>/", PodcastFeed(), name="theme_feed"),
]
