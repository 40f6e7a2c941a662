"""The errors the core raises. The adapter turns each into a failed build with the same message."""


class DataError(ValueError):
    """A data file is malformed or incomplete: the message names the file, the entry and the field."""


class MarkerError(ValueError):
    """A page holds a marker the core cannot render: the message names the page and the marker."""
