"""gunicorn settings of the benchmark's gunicorn mode, as docs/performance.md advises a site:
the app loaded before the workers fork, and what start-up made moved out of the cyclic
garbage collector's sight (``gc.freeze()``), so no collection walks it again."""

import gc

preload_app = True


def when_ready(server):
    gc.collect()
    gc.freeze()
