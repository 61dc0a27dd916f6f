"""Learners: progress and completion for learners without an account.

A sub-app of ``borg_learning`` (app label ``borg_learning_learners``): add
``"borg_learning.learners"`` to ``INSTALLED_APPS`` after ``"borg_learning"``. It plugs into
the core's GraphQL schema through Wagtail hooks (``wagtail_hooks.py``) and announces what
learners complete through the core's domain signals (``borg_learning.signals``).

* ``identity``: who a request is (an opaque learner token, or the signed-in user), and
  merging an anonymous learner into a user's on sign-in;
* ``rules``: what completes a block, a page and a module;
* ``progress``: ``record()``, the only way progress is stored;
* ``reading``: a learner's progress as the API shows it, in a fixed number of queries;
* ``transfer``, ``privacy``: moving to another device; export and forget.
"""
