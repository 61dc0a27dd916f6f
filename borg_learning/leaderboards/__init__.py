"""Weekly leaderboards, opt-in only: pseudonyms, a relative view and organisation totals.

A sub-app of ``borg_learning`` (app label ``borg_learning_leaderboards``): add
``"borg_learning.leaderboards"`` to ``INSTALLED_APPS`` after
``"borg_learning.gamification"`` (the points come from its ledger).

* ``models``: the ``Organisation``s learners may compete for, and a learner's
  ``LeaderboardMembership`` (their generated pseudonym);
* ``pseudonyms``: the curated Dutch word list and the draw;
* ``membership``: joining, a new pseudonym, another organisation, leaving;
* ``boards``: this week's board around the learner, and the organisations' totals;
* ``graphql``, ``wagtail_hooks``, ``privacy``, ``receivers``: the API, the admin, the
  export and the merge on sign-in.

Nobody is on a board who did not join; a board shows only with ``LEADERBOARD_MINIMUM_SIZE``
members; no view shows a pseudonym next to a name.
"""
