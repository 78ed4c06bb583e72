"""core.cache.SharedFileCache: the shared file cache keeps its size limit without listing its files on every write."""

from unittest import mock

from core.cache import SharedFileCache


def make_cache(tmp_path, max_entries):
    return SharedFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 2}})


def files_in(tmp_path):
    return [path for path in tmp_path.iterdir() if path.suffix == ".djcache"]


def test_writes_list_the_directory_only_once_in_a_while(tmp_path):
    cache = make_cache(tmp_path, max_entries=10_000)
    with mock.patch.object(SharedFileCache, "_list_cache_files", autospec=True, return_value=[]) as listing:
        for number in range(SharedFileCache.CULL_CHECK_EVERY * 3):
            cache.set(f"version:{number}", "token")
    assert listing.call_count == 3


def test_the_size_limit_still_holds(tmp_path):
    cache = make_cache(tmp_path, max_entries=50)
    for number in range(SharedFileCache.CULL_CHECK_EVERY * 2):
        cache.set(f"version:{number}", "token")
    assert len(files_in(tmp_path)) <= 50 + SharedFileCache.CULL_CHECK_EVERY
    assert len(files_in(tmp_path)) < SharedFileCache.CULL_CHECK_EVERY * 2, "culled at the checks"
    cache.set("version:last", "token")
    assert cache.get("version:last") == "token"
