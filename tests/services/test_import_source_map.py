"""The import's forecast and its source map: the forecast decides every row with the
import's own code, so its counts are the import's; values of a source column that name
no source can be mapped to a source or created as one."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from pathlib import Path

import pytest

from desktop_crm.errors import AlreadyExists, InvalidValue, NotFound
from desktop_crm.importing import open_table
from desktop_crm.services import Crm
from desktop_crm.services.importer import ImportForecast, ImportSummary

from .import_files import HEADER, phone, row, stored, when, write_csv


def _counts(forecast: ImportForecast | None) -> tuple[int, int, int, int]:
    assert forecast is not None
    return forecast.rows, forecast.imported, forecast.skipped, forecast.rejected


def _actual(summary: ImportSummary) -> tuple[int, int, int, int]:
    return summary.rows, summary.imported, summary.skipped, summary.rejected_total


def _reasons(forecast: ImportForecast | None) -> Counter[str]:
    assert forecast is not None
    return Counter({reason.template: reason.rows for reason in forecast.reasons})


def _rejected_reasons(crm: Crm, summary: ImportSummary) -> Counter[str]:
    return Counter(row.template for row in crm.imports.rejects(summary.record.id))


@pytest.fixture
def sources(crm: Crm) -> dict[str, int]:
    crm.operators.create("Анна", max_load=1000)
    found = {}
    for name in ("Telegram", "Website"):
        source = crm.sources.create(name)
        crm.sources.set_weights(source.id, {"Анна": 1})
        found[name] = source.id
    return found


def sample(tmp_path: Path) -> Path:
    """Rows on a known source and on two unknown ones, one of them in two spellings."""
    rows = [
        row(1, source="Telegram"),
        row(2, source="Сайт"),
        row(3, source="Avito"),
        row(4, source="Сайт"),
        row(5, source="сайт "),
        row(6, source="Avito"),
        row(7, source="Telegram"),
    ]
    return write_csv(tmp_path / "leads.csv", rows)


def test_the_forecast_lists_the_unknown_source_values_and_counts_their_rows_rejected(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    table = open_table(sample(tmp_path))
    forecast = crm.imports.forecast(table)
    assert forecast is not None
    assert [(u.value, u.rows) for u in forecast.unknown_sources] == [("Сайт", 3), ("Avito", 2)]
    assert _counts(forecast) == (7, 2, 0, 5)
    assert _reasons(forecast) == Counter({"No source {ref!r}.": 5})
    summary = crm.imports.run(table)
    assert _actual(summary) == (7, 2, 0, 5)
    assert _rejected_reasons(crm, summary) == _reasons(forecast)


def test_a_value_mapped_to_a_source_and_one_created_import_as_forecast(
    crm: Crm, sources: dict[str, int], tmp_path: Path, db_path: Path
) -> None:
    table = open_table(sample(tmp_path))
    choice = {"Сайт": "Website"}
    forecast = crm.imports.forecast(table, source_map=choice, new_sources=["Avito"])
    assert _counts(forecast) == (7, 7, 0, 0)
    assert forecast is not None
    # Still listed (with their choice), so the dialog keeps showing them.
    assert [u.value for u in forecast.unknown_sources] == ["Сайт", "Avito"]

    settled = crm.imports.settle_sources(crm.sources, choice, ["Avito"])
    avito = crm.sources.get("name:Avito")
    assert settled == {"Сайт": sources["Website"], "Avito": avito.id}
    summary = crm.imports.run(table, source_map=settled)
    assert _actual(summary) == (7, 7, 0, 0)
    by_source = Counter(contact.source for contact in stored(db_path))
    assert by_source == Counter({"Telegram": 2, "Website": 3, "Avito": 2})


def test_a_source_created_meanwhile_is_used_instead_of_a_second_one(
    crm: Crm, sources: dict[str, int]
) -> None:
    existing = crm.sources.create("Avito")
    assert crm.imports.settle_sources(crm.sources, {}, ["avito"]) == {"avito": existing.id}
    assert [s.name for s in crm.sources.list()].count("Avito") == 1


def test_a_bad_source_map_is_refused_before_anything_is_imported(
    crm: Crm, sources: dict[str, int], tmp_path: Path, db_path: Path
) -> None:
    table = open_table(sample(tmp_path))
    with pytest.raises(NotFound):
        crm.imports.run(table, source_map={"Сайт": "Nowhere"})
    with pytest.raises(InvalidValue):
        crm.imports.run(table, source_map={"  ": "Website"})
    with pytest.raises(InvalidValue):
        crm.imports.forecast(table, source_map={"Сайт": " "})
    with pytest.raises(InvalidValue):
        crm.imports.settle_sources(crm.sources, {"Сайт": "Website"}, ["сайт"])
    with pytest.raises(NotFound):  # checked before any source is created
        crm.imports.settle_sources(crm.sources, {"Сайт": "Nowhere"}, ["Avito"])
    assert [s.name for s in crm.sources.list()] == ["Telegram", "Website"]
    assert crm.imports.list() == []
    assert stored(db_path) == []


def test_a_resumed_import_keeps_its_source_map(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    table = open_table(sample(tmp_path))
    crm.imports.batch_rows = 2
    batches = 0

    def stop_after_one() -> bool:
        nonlocal batches
        batches += 1
        return batches > 1

    first = crm.imports.run(table, source_map={"Сайт": "Website"}, cancelled=stop_after_one)
    assert first.cancelled
    rest = crm.imports.run(table)  # the map given first applies to the rest
    assert first.rows + rest.rows == 7
    assert first.rejected_total + rest.rejected_total == 2  # Avito's rows only


def random_file(path: Path, rng: random.Random, with_dates: bool) -> Path:
    """Rows on known and unknown sources, repeated rows (far apart, and with and
    without a time), rows without an id and with ids that are no phone."""
    rows: list[tuple[str, ...]] = []
    names = ["Telegram", "Website", "Сайт", "Avito", "website", ""]
    for n in range(rng.randint(20, 60)):
        lead = rng.randint(1, 12)
        cells = [
            phone(lead, style=rng.randint(0, 4)),
            f"Lead {lead}",
            rng.choice(names),
            f"message {rng.randint(1, 3)}",
            when(rng.randint(1, 3)) if with_dates and rng.random() < 0.8 else "",
        ]
        kind = rng.random()
        if kind < 0.08:
            cells[0] = ""
        elif kind < 0.15:
            cells[0] = "8 900 12"
        elif kind < 0.2:  # letters for digits: Latin O, Cyrillic З
            cells[0] = rng.choice(["+7 9OO 123-45-67", "8 900 12З-45-67"])
        rows.append(tuple(cells))
        if rng.random() < 0.2:  # the same row again, soon or much later
            rows.insert(rng.randint(0, len(rows)), tuple(cells))
        del n
    return write_csv(path, rows, HEADER)


@pytest.mark.parametrize("seed", range(6))
def test_the_forecast_equals_what_the_import_does(
    crm: Crm, sources: dict[str, int], tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    crm.imports.batch_rows = rng.choice([1, 3, 7, 1000])  # duplicates across batches
    earlier = open_table(random_file(tmp_path / "earlier.csv", rng, with_dates=True))
    crm.imports.run(earlier, source_map={"Сайт": "Website"})  # rows imported before
    for round_ in range(2):
        table = open_table(random_file(tmp_path / f"new{round_}.csv", rng, seed % 2 == 0))
        choice = rng.choice([{}, {"Сайт": "Telegram"}, {"сайт": "Website", "avito": "Telegram"}])
        create = ["Avito"] if "avito" not in choice and round_ == 1 else []
        again = rng.random() < 0.3
        plain = rng.random() < 0.5
        forecast = crm.imports.forecast(
            table, source_map=choice, new_sources=create, again=again, plain_ids=plain
        )
        summary = crm.imports.run(
            table,
            source_map=crm.imports.settle_sources(crm.sources, choice, create),
            again=again,
            plain_ids=plain,
        )
        assert _actual(summary) == _counts(forecast)
        assert _rejected_reasons(crm, summary) == _reasons(forecast)


def test_import_again_skips_a_repeated_row_whichever_batch_it_falls_in(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    rows = [row(1, source="Telegram"), row(2, source="Telegram"), row(1, source="Telegram")]
    table = open_table(write_csv(tmp_path / "twice.csv", rows))
    first = crm.imports.run(table)
    assert _actual(first) == (3, 2, 1, 0)
    crm.imports.batch_rows = 1  # the repeat comes in a batch of its own
    again = crm.imports.run(table, again=True)
    assert _actual(again) == (3, 2, 1, 0)


def test_ids_that_look_like_a_phone_but_are_none_are_rejected_unless_taken_as_plain_ids(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    """The intake form's rule on every path: "8 900 12" and "+7 9OO 123-45-67" are no
    phone numbers; the import rejects them, worded like the form, or takes them as
    plain ids when told to."""
    rows = [
        ("+7 900 123-45-67", "Lead 1", "Telegram", "hi", ""),
        ("8 900 12", "Lead 2", "Telegram", "hi", ""),
        ("+7 9OO 123-45-67", "Lead 3", "Telegram", "hi", ""),
        ("user-123", "Lead 4", "Telegram", "hi", ""),
        ("a@b.ru", "Lead 5", "Telegram", "hi", ""),
    ]
    table = open_table(write_csv(tmp_path / "ids.csv", rows, HEADER))
    forecast = crm.imports.forecast(table)
    assert forecast is not None and forecast.phone_like_ids == 2
    assert _counts(forecast) == (5, 3, 0, 2)
    summary = crm.imports.run(table)
    assert _actual(summary) == (5, 3, 0, 2)
    messages = sorted(row.reason for row in crm.imports.rejects(summary.record.id))
    assert "looks like a phone number but has letters where digits would be" in messages[0]
    assert "“O”→0" in messages[0]
    assert "looks like a phone number but is too short for one (RU)" in messages[1]
    assert crm.leads.find("+7 9OO 123-45-67") is None and crm.leads.find("8 900 12") is None

    more = open_table(write_csv(tmp_path / "more.csv", [*rows, ("user-9", "", "Telegram")]))
    plain = crm.imports.forecast(more, plain_ids=True)
    assert plain is not None and plain.phone_like_ids == 2
    assert _counts(plain) == (6, 3, 3, 0)  # the three stored before are skipped
    taken = crm.imports.run(more, plain_ids=True)
    assert _actual(taken) == _counts(plain)
    lead = crm.leads.find("+7 9OO 123-45-67")
    assert lead is not None and lead.external_id == "+7 9OO 123-45-67"
    assert crm.leads.find("8 900 12") is not None


def test_a_look_alike_source_value_names_the_source_it_looks_like(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    """ "WhatsАpp" with a Cyrillic А is no source, but the forecast and the rejection
    say which source it looks like (no silent duplicate)."""
    crm.sources.create("WhatsApp")
    crm.sources.create("Сайт")
    rows = [row(1, source="WhatsАpp"), row(2, source="Cайт"), row(3, source="Avito")]
    table = open_table(write_csv(tmp_path / "alike.csv", rows))
    forecast = crm.imports.forecast(table)
    assert forecast is not None
    assert [(u.value, u.lookalike) for u in forecast.unknown_sources] == [
        ("WhatsАpp", "WhatsApp"),
        ("Cайт", "Сайт"),
        ("Avito", ""),
    ]
    summary = crm.imports.run(table)
    reasons = sorted(row.reason for row in crm.imports.rejects(summary.record.id))
    assert reasons[0] == "No source 'Avito'."
    assert "looks like 'Сайт' (mixes Latin and Cyrillic letters)" in reasons[1]
    assert "looks like 'WhatsApp' (mixes Latin and Cyrillic letters)" in reasons[2]


def test_a_source_or_operator_named_like_an_existing_one_is_refused(crm: Crm) -> None:
    crm.sources.create("WhatsApp")
    crm.operators.create("Ольга")
    with pytest.raises(AlreadyExists, match="looks like source 'WhatsApp'"):
        crm.sources.create("WhatsАpp")  # Cyrillic А
    with pytest.raises(AlreadyExists, match="looks like operator 'Ольга'"):
        crm.operators.create("Ольгa")  # Latin a
    assert [s.name for s in crm.sources.list()] == ["WhatsApp"]
    crm.sources.create("WhatsApp Business")  # a different name is fine


def test_the_forecast_samples_the_rejected_rows_up_to_a_line_and_orders_the_reasons(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    """The preview's sample: the rejected rows up to ``sample_lines`` in line order, each
    with its English text; the reasons most rows first, "varied" when their rows'
    parameters differ (several unknown sources), not when one row has it."""
    no_id = ("", "Lead 2", "Telegram", "message 2", when(2))
    rows = [
        row(1, source="Avito"),  # line 2
        no_id,  # line 3
        row(3, source="Сайт"),  # line 4
        row(4, source="Avito"),  # line 5
        row(5, source="Telegram"),  # line 6
    ]
    table = open_table(write_csv(tmp_path / "leads.csv", rows))
    forecast = crm.imports.forecast(table, sample_lines=4)
    assert forecast is not None
    assert _counts(forecast) == (5, 1, 0, 4)
    no_source, no_lead_id = forecast.reasons
    assert (no_source.template, no_source.rows, no_source.varied) == ("No source {ref!r}.", 3, True)
    assert no_source.params == {"ref": "Avito"}  # the first such row's
    assert (no_lead_id.rows, no_lead_id.varied) == (1, False)
    assert no_lead_id.template == 'No lead id: the column "{column}" is empty.'
    assert no_lead_id.params == {"column": "phone"}
    assert [(r.line, r.reason, r.template, r.params, r.cells) for r in forecast.sample] == [
        (2, "No source 'Avito'.", "No source {ref!r}.", {"ref": "Avito"}, ()),
        (3, 'No lead id: the column "phone" is empty.', no_lead_id.template, no_lead_id.params, ()),
        (4, "No source 'Сайт'.", "No source {ref!r}.", {"ref": "Сайт"}, ()),
    ]

    # Most rows first, whether or not a reason's rows vary.
    more = open_table(write_csv(tmp_path / "more.csv", [*rows, no_id, no_id, no_id]))
    forecast = crm.imports.forecast(more)
    assert forecast is not None
    assert [(r.template, r.rows, r.varied) for r in forecast.reasons] == [
        (no_lead_id.template, 4, False),
        ("No source {ref!r}.", 3, True),
    ]


def test_a_source_chosen_for_the_file_overrides_its_source_column_in_the_forecast(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    rows = [row(1, source="Avito"), row(2, source="")]
    table = open_table(write_csv(tmp_path / "leads.csv", rows))
    assert _counts(crm.imports.forecast(table, source="Telegram")) == (2, 2, 0, 0)
    assert _counts(crm.imports.forecast(table)) == (2, 0, 0, 2)


def test_the_forecast_of_a_file_longer_than_one_chunk_counts_every_chunk(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    """5,000 rows a chunk: the counts add up over the chunks, a repeated row in the first
    is skipped, and progress is told after each chunk, ending at the whole file."""
    rows = [row(n, source="Telegram") for n in range(5_003)]
    rows[10] = rows[9]  # a repeated row in the first chunk
    table = open_table(write_csv(tmp_path / "long.csv", rows))
    told: list[float | None] = []
    forecast = crm.imports.forecast(table, progress=told.append)
    assert _counts(forecast) == (5_003, 5_002, 1, 0)
    assert len(told) == 2 and None not in told and told[-1] == 1.0


def test_a_value_both_mapped_and_to_be_created_is_refused_naming_it(
    crm: Crm, sources: dict[str, int]
) -> None:
    with pytest.raises(InvalidValue) as refused:
        crm.imports.settle_sources(crm.sources, {"Сайт": "Website"}, ["сайт"])
    assert refused.value.field == "map-source"
    assert refused.value.params["value"] == "сайт"
    assert str(refused.value) == "The source value 'сайт' is both mapped and to be created."
    assert [s.name for s in crm.sources.list()].count("сайт") == 0


def test_an_existing_source_value_mapped_elsewhere_is_forecast_on_the_mapped_source(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    """A map applies to values that name a source too: the row counts as the mapped
    source's, so it repeats a row imported there before."""
    crm.imports.run(open_table(write_csv(tmp_path / "a.csv", [row(1, source="Website")])))
    table = open_table(write_csv(tmp_path / "b.csv", [row(1, source="Telegram")]))
    forecast = crm.imports.forecast(table, source_map={"Telegram": "Website"})
    assert _counts(forecast) == (1, 0, 1, 0)
    summary = crm.imports.run(table, source_map={"Telegram": "Website"})
    assert _actual(summary) == _counts(forecast)


def test_the_forecast_samples_no_rows_unless_asked(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    from desktop_crm.importing import NO_HEADER, Field, ReadOptions

    path = tmp_path / "bare.csv"
    path.write_text(",Telegram\n+79005550002,Telegram\n", encoding="utf-8")  # line 1: no id
    options = ReadOptions(header_line=NO_HEADER, mapping={Field.EXTERNAL_ID: 0, Field.SOURCE: 1})
    table = open_table(path, options)
    forecast = crm.imports.forecast(table)
    assert forecast is not None and _counts(forecast) == (2, 1, 0, 1)
    assert forecast.sample == ()
    sampled = crm.imports.forecast(table, sample_lines=1)
    assert sampled is not None and [r.line for r in sampled.sample] == [1]


def test_a_rejected_row_keeps_its_reason_parameters(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    """Stored with the row, to translate its reason later; a value never seen before
    in this process (the importer caches the JSON of the few distinct parameters)."""
    unseen = f"Канал {uuid.uuid4().hex}"
    table = open_table(write_csv(tmp_path / "new.csv", [row(1, source=unseen)] * 2))
    summary = crm.imports.run(table)
    rejected = crm.imports.rejects(summary.record.id)
    assert [(r.template, r.params) for r in rejected] == [
        ("No source {ref!r}.", {"ref": unseen})
    ] * 2


def test_an_empty_value_in_a_source_map_is_refused_naming_it(
    crm: Crm, sources: dict[str, int]
) -> None:
    with pytest.raises(InvalidValue) as refused:
        crm.imports.check_source_map({"  ": "Website"})
    assert refused.value.field == "map-source"
    assert refused.value.params["value"] == "  "
    with pytest.raises(InvalidValue) as unnamed:
        crm.imports.check_source_map({"Сайт": " "})
    assert unnamed.value.field == "map-source"
    assert unnamed.value.params["value"] == "Сайт"


def test_a_refused_source_map_says_what_to_fix(crm: Crm, sources: dict[str, int]) -> None:
    with pytest.raises(InvalidValue) as refused:
        crm.imports.check_source_map({"  ": "Website"})
    assert str(refused.value) == "A source value to map must not be empty ('  ')."
    with pytest.raises(InvalidValue) as unnamed:
        crm.imports.check_source_map({"Сайт": " "})
    assert str(unnamed.value) == "Say which source the value 'Сайт' becomes."


def test_rows_differing_only_in_id_or_source_are_no_repeats(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    """A repeated row has the same id, source, message (and time, when the file has
    one): change the id or the source and it is another row."""
    dated = [
        (phone(1), "A", "Telegram", "hi", when(1)),
        (phone(2), "B", "Telegram", "hi", when(1)),
        (phone(1), "A", "Website", "hi", when(1)),
    ]
    table = open_table(write_csv(tmp_path / "dated.csv", dated))
    assert _actual(crm.imports.run(table)) == (3, 3, 0, 0)
    undated = [(phone(3), "C", "Telegram", "yo"), (phone(3), "C", "Website", "yo")]
    header = ("phone", "name", "source", "message")
    table = open_table(write_csv(tmp_path / "undated.csv", undated, header))
    assert _actual(crm.imports.run(table)) == (2, 2, 0, 0)


def test_look_alike_values_of_one_file_name_each_other_when_no_source_exists(
    crm: Crm, sources: dict[str, int], tmp_path: Path
) -> None:
    """ "WhatsАpp" (a Cyrillic А) beside "WhatsApp" and no such source: the dialog would
    list two values that read the same; the one that mixes alphabets says which it looks
    like, the plain one does not (it is the spelling to keep)."""
    rows = [row(1, source="WhatsАpp"), row(2, source="WhatsApp"), row(3, source="Avito")]
    rows += [row(4, source="Cайт"), row(5, source="Сайт")]
    table = open_table(write_csv(tmp_path / "alike.csv", rows))
    forecast = crm.imports.forecast(table)
    assert forecast is not None
    assert [(u.value, u.lookalike) for u in forecast.unknown_sources] == [
        ("WhatsАpp", "WhatsApp"),
        ("WhatsApp", ""),
        ("Avito", ""),
        ("Cайт", "Сайт"),
        ("Сайт", ""),
    ]
