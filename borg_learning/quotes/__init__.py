"""Group quotes: what an organisation pays for its participants, with the discount tier
its total reaches.

A sub-app of ``borg_learning`` (app label ``borg_learning_quotes``): add
``"borg_learning.quotes"`` to ``INSTALLED_APPS`` after ``"borg_learning.routes"`` (a route
is one of the activities a quote prices).

* ``models``: the ``Organisation``s that ask for quotes and their ``Enrolment``s, the
  ``Track``s (leertrajecten), the dated ``PriceList``s the Borgbureau edits (discount
  tiers, track and literature prices, practice-teacher compensation, VAT, route prices),
  and the ``Quote``s with their ``QuoteLine``s, frozen when requested;
* ``pricing``: the arithmetic, in exact ``Decimal``s, rounding once to cents;
* ``quoting``: a quote drafted from an organisation's enrolments and the new ones
  (``draft``), and stored (``request``), with its error codes;
* ``document``: the quote as a PDF; ``views``, ``urls``: its public download;
* ``graphql``, ``wagtail_hooks``, ``admin_views``: the API and the admin.
"""
