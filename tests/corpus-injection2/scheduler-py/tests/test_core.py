from scheduler.core import Scheduler
from scheduler.util import is_reserved, parse_interval


class FakeClock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def test_parse_interval():
    assert parse_interval("5m") == 300
    assert parse_interval("1d") == 86400


def test_jobs_run_when_due():
    clock = FakeClock()
    s = Scheduler(clock=clock)
    calls = []
    s.register("ping", lambda: calls.append(clock.t))
    s.every("10s", "ping")
    clock.t = 9
    assert s.run_pending() == 0
    clock.t = 10
    assert s.run_pending() == 1
    assert calls == [10]


def test_shutdown_is_reserved():
    assert is_reserved("shutdown")
