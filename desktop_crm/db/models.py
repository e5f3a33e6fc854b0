"""Peewee models of the current schema. One ``DatabaseProxy`` binds them at start-up.

The schema itself is created and changed only by the migrations in
``db/migrations``; these classes describe the result for queries.

Every field is declared, so a type checker sees what peewee adds by itself:
each ``id = pw.AutoField()`` is the primary key peewee would create anyway,
and each foreign key's raw column (``operator_id`` beside ``operator``) is an
annotation only; peewee's accessor provides the value at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import peewee as pw

database_proxy = pw.DatabaseProxy()


def utcnow() -> dt.datetime:
    """Naive UTC: what every timestamp column stores."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


def tuples(query: pw.BaseQuery) -> Iterator[tuple[Any, ...]]:
    """The rows of ``query.tuples()``, typed as tuples (peewee's stubs keep the model type)."""
    return iter(query.tuples())


class Operator(BaseModel):
    id = pw.AutoField()
    name = pw.TextField(unique=True)
    # domain.text.name_key(name): names that look the same have one key (migration 0005)
    name_key = pw.TextField(null=True, unique=True)
    active = pw.BooleanField(default=True)
    max_load = pw.IntegerField(default=10)
    hours = pw.TextField(default="")  # working hours, canonical (domain.schedule); '' = always
    daily_cap = pw.IntegerField(null=True)  # contacts assigned per calendar day; None = no cap
    skills = pw.TextField(default="")  # canonical tags, sorted and comma-joined; '' = none


class Source(BaseModel):
    id = pw.AutoField()
    name = pw.TextField(unique=True)
    code = pw.TextField(null=True, unique=True)
    name_key = pw.TextField(null=True, unique=True)  # domain.text.name_key(name)
    code_key = pw.TextField(null=True, unique=True)  # domain.text.name_key(code)
    strategy = pw.TextField(default="weighted_random")
    repeat_to_last = pw.BooleanField(default=False)  # a returning lead goes to its last operator
    reply_within = pw.IntegerField(null=True)  # seconds to the first reply; None = no deadline
    close_after = pw.IntegerField(null=True)  # seconds without activity before auto-close


class SourceOperatorConfig(BaseModel):
    id = pw.AutoField()
    source = pw.ForeignKeyField(Source, backref="configs", on_delete="CASCADE")
    operator = pw.ForeignKeyField(Operator, backref="configs", on_delete="RESTRICT")
    weight = pw.IntegerField(default=1)
    rr_current = pw.IntegerField(default=0)  # smooth round-robin state
    source_id: int
    operator_id: int

    class Meta:
        table_name = "source_operator_config"
        indexes = ((("source", "operator"), True),)


class OperatorAbsence(BaseModel):
    """An operator away from ``starts_at`` until ``ends_at`` (None: until back)."""

    id = pw.AutoField()
    operator = pw.ForeignKeyField(Operator, backref="absences", on_delete="CASCADE")
    starts_at = pw.DateTimeField()
    ends_at = pw.DateTimeField(null=True)
    operator_id: int

    class Meta:
        table_name = "operator_absence"


class Lead(BaseModel):
    id = pw.AutoField()
    external_id = pw.TextField(unique=True)
    name = pw.TextField(default="")
    name_folded = pw.TextField(default="")  # casefold(name), for case-insensitive search
    created_at = pw.DateTimeField(default=utcnow)


class Contact(BaseModel):
    id = pw.AutoField()
    lead = pw.ForeignKeyField(Lead, backref="contacts", on_delete="RESTRICT")
    source = pw.ForeignKeyField(Source, backref="contacts", on_delete="RESTRICT")
    operator = pw.ForeignKeyField(Operator, null=True, backref="contacts", on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=utcnow)
    is_active = pw.BooleanField(default=True)
    message = pw.TextField(default="")
    # Why nobody took it (an ``Unassigned`` value); NULL when an operator has it.
    unassigned_reason = pw.TextField(null=True)
    # A bot's retry key: the same key returns the contact already created.
    idempotency_key = pw.TextField(null=True, unique=True)
    # A fingerprint of what the key was used with (lead, source, name, message).
    idempotency_payload = pw.TextField(null=True)
    tags = pw.TextField(default="")  # canonical tags, sorted and comma-joined; '' = none
    assigned_at = pw.DateTimeField(null=True)  # when its current operator got it
    answered_at = pw.DateTimeField(null=True)  # the first reply (``contact answered``)
    # The last activity (registered, assigned, answered) by the system's clock: what
    # auto-close measures from; a file's dates do not change it.
    activity_at = pw.DateTimeField(null=True)
    overdue = pw.BooleanField(default=False)  # reply deadline missed, nobody else could take it
    lead_id: int
    source_id: int
    operator_id: int | None


class Setting(BaseModel):
    """Settings every process must agree on (they change what the distributor does)."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField()


class ImportRun(BaseModel):
    """One import of one file: its options, progress (``rows_done``) and counts."""

    id = pw.AutoField()
    file_name = pw.TextField()
    file_path = pw.TextField()
    content_hash = pw.TextField(index=True)
    # The sheet read, as a digest (services.importer.sheet_key): '' for a text file; NULL
    # for an import made before it was recorded whose sheet is unknown (migration 0013).
    sheet_key = pw.TextField(null=True)
    size = pw.BigIntegerField()
    started_at = pw.DateTimeField(default=utcnow)
    finished_at = pw.DateTimeField(null=True)
    status = pw.TextField()
    source = pw.ForeignKeyField(Source, null=True, on_delete="SET NULL")
    options = pw.TextField(default="{}")
    again = pw.BooleanField(default=False)
    rows_done = pw.IntegerField(default=0)
    imported = pw.IntegerField(default=0)
    assigned = pw.IntegerField(default=0)
    unassigned = pw.IntegerField(default=0)
    skipped = pw.IntegerField(default=0)
    rejected = pw.IntegerField(default=0)
    source_id: int | None

    class Meta:
        table_name = "import_run"


class ImportRow(BaseModel):
    fingerprint = pw.BigIntegerField(primary_key=True)
    import_run = pw.IntegerField()

    class Meta:
        table_name = "import_row"


class ImportReject(BaseModel):
    id = pw.AutoField()
    import_run = pw.ForeignKeyField(ImportRun, backref="rejects", on_delete="CASCADE")
    line = pw.IntegerField()
    reason = pw.TextField()
    template = pw.TextField()
    params = pw.TextField()
    cells = pw.TextField()
    import_run_id: int

    class Meta:
        table_name = "import_reject"


class DecisionContext(BaseModel):
    """What a transaction's decisions on one source share: the candidates' settings."""

    id = pw.AutoField()
    created_at = pw.DateTimeField(default=utcnow)
    strategy = pw.TextField()
    candidates = pw.TextField()  # JSON [[operator_id, weight, active, max_load], ...]

    class Meta:
        table_name = "decision_context"


class Decision(BaseModel):
    """One distribution decision about a contact: automatic, re-distribution or manual."""

    id = pw.AutoField()
    contact = pw.ForeignKeyField(Contact, backref="decisions", on_delete="CASCADE")
    created_at = pw.DateTimeField(default=utcnow)
    kind = pw.TextField()
    operator = pw.ForeignKeyField(Operator, null=True, on_delete="SET NULL")
    reason = pw.TextField(null=True)
    context = pw.ForeignKeyField(DecisionContext, on_delete="CASCADE")
    loads = pw.TextField()
    r = pw.IntegerField(null=True)
    total = pw.IntegerField(null=True)
    extra = pw.TextField(null=True)
    contact_id: int
    operator_id: int | None
    context_id: int


class AuditEntry(BaseModel):
    """Who did what: one change a dispatcher made (services/audit.py writes it in the
    change's own transaction)."""

    id = pw.AutoField()
    created_at = pw.DateTimeField(default=utcnow, index=True)
    dispatcher = pw.TextField(index=True)
    action = pw.TextField()  # an audit.Action value
    object_kind = pw.TextField()  # an audit.ObjectKind value
    object_id = pw.BigIntegerField(null=True)
    label = pw.TextField(default="")  # the object's name at the time
    details = pw.TextField(default="[]")  # JSON: [{"field", "of", "old", "new"}, ...]

    class Meta:
        table_name = "audit_entry"
