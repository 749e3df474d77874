# A vendored copy of the Anthropic SDK: its own source, not an agent (scan notes it; scan-all lists no UNKNOWN for it).
from anthropic import Anthropic

client = Anthropic()
