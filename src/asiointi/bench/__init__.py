"""`make bench`: the portal's speed under load, in its production profile.

One run starts gunicorn once (`server`), measures a bare Django view from the same server as the
baseline, then runs every scenario (`scenarios/`, one module each) with the same load generator
(`load`, wrk) and rewrites docs/performance.md with a section per scenario and profile (`report`).
"""
