"""The error a tool raises to tell the agent something clinical went wrong."""


class ToolError(Exception):
    """Raised by a tool for a well-formed call it cannot serve (e.g. a lab not yet
    ordered).  The message is shown to the agent; the episode goes on."""
