"""Runs ralph's LRS API on loopback (port: the first argument), as `ralph runserver -b fs` does,
less its auto-reloader, plus two fixes to ralph's file-system LRS backend (5.1.0):

1. It writes every POST with the data backend's default operation, INDEX, which refuses to touch
   an existing file, so every POST after the first would answer 500; here it appends instead.
2. Its `activity` filter compares each statement's (string) object id with the query's parsed
   IRI object, which never equal, so `GET statements?activity=…` always answered no statements
   (and `related_activities=false` arrives as the string "false", which is true); here the
   filter gets the IRI's text and a real boolean. The class report reads by activity.

Run by tests/lrs/test_xapi.py and tests/browser/lrs.mjs with .venv-lrs's python."""
import sys
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

_by_activity = FSLRSBackend._add_filter_by_activity


def _add_filter_by_activity(filters, object_id, related):
    iri = getattr(object_id, "root", object_id)
    if isinstance(related, str):
        related = related.lower() == "true"
    _by_activity(filters, None if iri is None else str(iri), related)


FSLRSBackend._add_filter_by_activity = staticmethod(_add_filter_by_activity)

import uvicorn  # noqa: E402 (after the fixes)
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
