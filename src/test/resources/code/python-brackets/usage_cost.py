"""Lines inside brackets indented less than their statement: valid Python (python3 -m py_compile accepts it) that
tree-sitter-python 0.25 reads as a dedent (tree-sitter/tree-sitter-python#256). Every shape must read cleanly."""
import os
from datetime import datetime, time, timedelta

import anthropic

# expect: ai-endpoint anthropic
URL = "https://api.anthropic.com/v1/organizations/usage_report/messages"  # a string: never changed


def window(day):
    starting_at = (datetime.combine(day, time.min) -
timedelta(days=7)).isoformat()  # a comment after the line
    ending_at = (datetime.combine(day, time.max) +  # a comment ending the line before
timedelta(days=1))
    tabs = {"from":
starting_at, "to": ending_at}
    return tabs


class Report:
    limits = {1:

2}
    text = """a (
b""" + (" x " +
# a comment line between
        "y")

    def client(self):
        if self.limits:
            # expect: sdk-client anthropic-python
            return anthropic.Anthropic(api_key=os.environ["ANTHROPIC_ADMIN_KEY"] +
    "", base_url=f"""{URL[:8]}{(1 +
2)}""")
