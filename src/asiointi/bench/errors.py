class BenchError(Exception):
    """The benchmark could not measure: setup failed, not a target missed."""
