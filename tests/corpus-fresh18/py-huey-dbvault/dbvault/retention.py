"""Grandfather-father-son style retention for snapshot keys."""
from datetime import datetime, timezone


def _week(ts):
    year, week, _ = ts.isocalendar()
    return (year, week)


def select_expired(snapshots, keep_daily, keep_weekly, now=None):
    """Return the snapshots that fall outside the retention policy.

    `snapshots` is an iterable of (key, finished_at) tuples. The newest
    snapshot of each of the last `keep_daily` days is kept, as is the newest
    snapshot of each of the last `keep_weekly` ISO weeks.
    """
    now = now or datetime.now(timezone.utc)
    # anything stamped after `now` is still being written; leave it alone
    ordered = sorted((s for s in snapshots if s[1] <= now), key=lambda s: s[1], reverse=True)

    keep = set()
    seen_days = []
    for key, finished_at in ordered:
        day = finished_at.date()
        if day in seen_days:
            continue
        if len(seen_days) < keep_daily:
            seen_days.append(day)
            keep.add(key)

    return [(key, ts) for key, ts in ordered if key not in keep]


def newest_per_database(rows):
    newest = {}
    for database, key, finished_at in rows:
        if database not in newest or finished_at > newest[database][1]:
            newest[database] = (key, finished_at)
    return newest
