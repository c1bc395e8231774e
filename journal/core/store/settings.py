"""Settings of the journal (theme, …): one value per key."""

from __future__ import annotations

from typing import Any

from tinydb import Query

from journal.core.store.records import Records, changes, reads


class SettingRecords(Records):
    @reads
    def get(self, key: str, default: Any = None) -> Any:
        found = self._journal.table("settings").get(Query().key == key)
        return found.get("value", default) if found else default

    @changes
    def set(self, key: str, value: Any) -> None:
        # Not TinyDB's upsert: for a new key it updates (nothing), then inserts — two saves of the whole journal.
        table = self._journal.table("settings")
        found = table.get(Query().key == key)
        if found is None:
            table.insert({"key": key, "value": value})
        else:
            table.update({"value": value}, doc_ids=[found.doc_id])
