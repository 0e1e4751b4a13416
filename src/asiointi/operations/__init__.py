"""Running the portal: health addresses, request ids, JSON logs and Prometheus metrics.

Below every app: it imports none of them. Apps count their own events with the counters in
metrics.py; nothing here reaches up to them.
"""
