"""A small Django app for the app's own tests: a site's home page to put the learning
environment under, in place of the example site's ``home`` app."""
