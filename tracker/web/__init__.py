"""`tracker web`: the desk's dashboard, read-only HTML pages (each with a JSON twin) over
the same evaluation as the CLI, served by uvicorn. Pure parts: timeline.py (the chart);
the rest is I/O at the edge: pages.py reads, app.py serves, guard.py authenticates."""
