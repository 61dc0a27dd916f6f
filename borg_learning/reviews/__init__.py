"""Spaced repetition: the daily review ("Dagelijkse herhaling").

A sub-app of ``borg_learning`` (app label ``borg_learning_reviews``): add
``"borg_learning.reviews"`` to ``INSTALLED_APPS`` after ``"borg_learning.learners"``, which
it builds on. Every exercise with a right answer that a learner answers (in a module or a
microlesson) becomes a review card of theirs; a scheduler (FSRS by default) says when it
is due again.

* ``models``: a learner's ``ReviewCard`` and the ``ReviewLog`` of every review of it;
* ``scheduling``: the pluggable scheduler (setting ``REVIEW_SCHEDULER``);
* ``cards``: making a card on a first answer, the due cards as ``me`` shows them;
* ``answering``: ``answer()``, a review checked on the server;
* ``graphql``, ``wagtail_hooks``, ``privacy``: the API, and the export.
"""
