"""Simulators of the order platforms, serving their documented APIs on 127.0.0.1.

Used by the demo mode, the integration tests and the benchmarks. Start them with
``app.sim.server.SimServer`` (in a thread) or ``app.sim.server.serve_forever`` (a process).
One module per platform (``dukkango``), on a shared pipeline (``platform``) that records every
request and plays injected faults (``recording``).
"""
