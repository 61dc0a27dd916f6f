"""Gamification that rewards learning: points, levels and a daily learning streak.

A sub-app of ``borg_learning`` (app label ``borg_learning_gamification``): add
``"borg_learning.gamification"`` to ``INSTALLED_APPS`` after ``"borg_learning.learners"``
(and ``"wagtail.contrib.settings"``, for the points rules the Borgbureau edits).

* ``models``: the points ledger (``PointsAward``, once per learner, rule and subject), the
  editable ``PointsRules``, a learner's ``LearningDay``s and planned ``StreakFreeze``s;
* ``points``: awarding once, the total and the level (setting ``GAMIFICATION_LEVELS``);
* ``streaks``: learning days, the streak and its freeze days;
* ``receivers``: what the domain events pay and count;
* ``figures``: points per week, for a report;
* ``graphql``, ``wagtail_hooks``, ``privacy``: the API, the admin and the export.
"""
