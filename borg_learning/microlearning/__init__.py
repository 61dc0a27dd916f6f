"""Microlearning: microlessons of 30, 60, 90 or 120 seconds in one format each.

A sub-app of ``borg_learning`` (app label ``borg_learning_microlearning``): add
``"borg_learning.microlearning"`` to ``INSTALLED_APPS`` after ``"borg_learning.learners"``.

* ``models``: the ``MicrolessonPage`` (a page below a section, tagged with a theme) and
  its formats;
* ``formats``: what the body of each format needs, checked when it is published;
* ``forms``, ``panels``, ``views``: the fixed-duration rule with the unit's length as its
  budget, and the live estimate in the editor;
* ``completion``: completing a microlesson through the learners' ``recordProgress``, and
  ``signals.microlesson_completed``;
* ``graphql``, ``wagtail_hooks``: ``microlessons`` and ``microlesson`` in the API.
"""
