"""Learning routes per role: the onboarding programme ("inwerkprogramma").

A sub-app of ``borg_learning`` (app label ``borg_learning_routes``): add
``"borg_learning.routes"`` to ``INSTALLED_APPS`` after ``"borg_learning.learners"``, which
it builds on. Editors make routes (snippets with ordered steps); learners start them and
follow them, and a route completes when all of its steps are done.

* ``models``: a ``Route`` and its ``RouteStep``s; a learner's ``RouteEnrolment`` and the
  steps they marked done (``StepDone``);
* ``kinds``: what each kind of step needs, how long it takes and how it gets done, the
  one place a new kind (a microlesson) is added;
* ``progress``: starting a route, marking a step done, completing routes (once, with the
  ``signals.route_completed`` event, after the commit);
* ``reading``: a learner's routes as ``me`` shows them, in a fixed number of queries, and
  ``completed_routes()`` for other features (certificates);
* ``receivers``: completing routes when pages complete, moving rows when learners merge;
* ``graphql``, ``wagtail_hooks``, ``panels``: the API and the route editor.
"""
