"""Getting entries: fetch bytes (fetch.py), parse bytes into entries (parse.py)."""
