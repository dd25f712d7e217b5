"""Logging filters named in the LOGGING setting."""

import logging


class WithoutTraceback(logging.Filter):
    """A record logged as its message alone: for refusals that are expected and say all in one
    line (a request for a host the portal does not serve), whose traceback adds only noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True
