"""`python -m tracker` and the `tracker` script: the collector paused before typer loads."""


def run() -> None:
    from tracker import startup

    startup.pause()  # before typer is imported (tracker/startup.py)
    from tracker.cli import main

    main()


if __name__ == "__main__":
    run()
