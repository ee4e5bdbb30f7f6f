"""`python -m tracker` and the `tracker` script: the collector paused before typer loads,
and a read command's quick end (tracker/startup.py)."""


def run() -> None:
    from tracker import startup

    startup.pause()  # before typer is imported (tracker/startup.py)
    from tracker.cli import main

    try:
        main()
    except SystemExit as done:
        startup.finish(done.code)
    startup.finish(0)


if __name__ == "__main__":
    run()
