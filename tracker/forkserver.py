"""Imported by the multiprocessing forkserver only (tracker/sandbox.py preloads it; nothing
else may import it): from then on the forkserver's children, the sandbox's workers, are
born ignoring SIGINT. The forkserver hands each child the signal handlers it had before
it started serving, and a worker's initializer sets SIG_IGN only once it runs: a Ctrl-C
in between (at the start of a rescan, say) printed a worker's KeyboardInterrupt
traceback. A terminal's Ctrl-C reaches the whole process group; the parent decides what
stops, and stops its workers.
"""

from __future__ import annotations

import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)  # first: a Ctrl-C during the imports below

import tracker.sandbox  # noqa: E402, F401  # what the workers run, imported once here
