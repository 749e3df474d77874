"""Entry point of the research agent; the model client lives in a module not shown here."""

import sys


def main() -> int:
    print("agent starting", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
