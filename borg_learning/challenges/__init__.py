"""Challenges: time-boxed goals set by editors ("Deze maand: 5 microlessen").

A sub-app of ``borg_learning`` (app label ``borg_learning_challenges``): add
``"borg_learning.challenges"`` to ``INSTALLED_APPS`` after ``"borg_learning.learners"``,
which it builds on (and after ``microlearning`` and ``reviews`` when their goals are used).
A learner's progress is counted from what they did inside the challenge's dates; the
moment they reach its target is stored once.

* ``models``: the ``Challenge`` snippet, its ``Goal`` kinds, and a learner's
  ``ChallengeCompletion``;
* ``goals``: what each kind of goal counts, read in bulk for one learner;
* ``progress``: a learner's progress on challenges, and completing the reached ones once;
* ``receivers``: checking challenges when the domain events say a learner did something;
* ``signals``: ``challenge_completed``;
* ``graphql``, ``wagtail_hooks``, ``privacy``: the API, the admin and the export.
"""
