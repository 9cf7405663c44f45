"""The pack's own fields across formats: the GIFT header, the licence in Open Trivia DB JSON,
what Aiken cannot hold; and notes grouped by what they say."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from quizgame.core.formats import export_pack, import_text
from quizgame.core.formats.common import Note, NoteCode, group_notes, lost_fields
from quizgame.core.formats.opentdb import ATTRIBUTION, LICENSE
from quizgame.core.packs.model import Pack
from quizgame.core.packs.read import load_pack_text
from quizgame.core.packs.starter import starter_pack

EXTRA = {
    "license": "CC-BY-SA-4.0",
    "attribution": "From opentdb.com: CC BY-SA 4.0 (https://creativecommons.org/licenses/)",
    "url": "https://example.org/capitals",
}
DESCRIPTION = "Capitals of the world.\nTwo lines, and a back\\slash."


def credited_pack() -> Pack:
    pack = load_pack_text(starter_pack("capitals", "World capitals: 2024", "schema.json")).pack
    assert pack is not None
    return replace(
        pack, description=DESCRIPTION, author="Quiz Team", version=3, language="es", extra=EXTRA
    )


def imported(text: str, fmt: str, **fixed: Any) -> Pack:
    result = import_text(text, fmt, pack_id="m", title="M", fixed=fixed)
    assert result.pack is not None, [str(n) for n in result.notes]
    return result.pack


# --- GIFT: the header ---------------------------------------------------------------------


def test_gift_export_writes_a_header_and_import_reads_it_back() -> None:
    text = export_pack(credited_pack(), "gift").text
    assert text.startswith(
        "// quizgame pack: capitals\n"
        "// title: World capitals: 2024\n"
        "// description: Capitals of the world.\\nTwo lines, and a back\\\\slash.\n"
        "// author: Quiz Team\n"
        "// version: 3\n"
        "// language: es\n"
        "// license: CC-BY-SA-4.0\n"
        "// attribution: From opentdb.com: CC BY-SA 4.0 (https://creativecommons.org/licenses/)\n"
        "// url: https://example.org/capitals\n"
        "\n"
    )
    back = imported(text, "gift")  # the file is m.gift: its name no longer wins
    assert (back.id, back.title, back.author, back.version, back.language) == (
        "capitals",
        "World capitals: 2024",
        "Quiz Team",
        3,
        "es",
    )
    assert back.description == DESCRIPTION
    assert back.extra == EXTRA


def test_what_the_command_line_says_wins_over_the_header() -> None:
    text = export_pack(credited_pack(), "gift").text
    back = imported(text, "gift", id="copy", title="My copy")
    assert (back.id, back.title) == ("copy", "My copy")
    assert back.extra["license"] == "CC-BY-SA-4.0"


def test_a_file_exported_before_the_header_existed_keeps_its_title() -> None:
    text = "// My pack\n// quizgame pack 'mypack', written as GIFT\n\n::a::Sky is blue{T}\n"
    back = imported(text, "gift")
    assert (back.id, back.title) == ("mypack", "My pack")


def test_ordinary_comments_at_the_top_are_not_a_header() -> None:
    text = "// Capitals\n// title: not ours\n\n::a::Sky is blue{T}\n"
    back = imported(text, "gift")
    assert (back.id, back.title) == ("m", "M")


def test_a_header_right_above_a_question_does_not_leak_into_it() -> None:
    text = (
        "// quizgame pack: p\n// title: Tags [tag:x] and [id:zz]\n"
        "// [tag:sky]\n::a::Sky is blue{T}\n"
    )
    back = imported(text, "gift")
    assert back.title == "Tags [tag:x] and [id:zz]"
    assert (back.questions[0].id, back.questions[0].tags) == ("a", ("sky",))


def test_a_header_id_that_is_not_a_slug_is_made_one_with_a_warning() -> None:
    result = import_text(
        "// quizgame pack: ../My Pack!\n\n::a::Sky is blue{T}\n", "gift", pack_id="m", title="M"
    )
    assert result.pack is not None and result.pack.id == "my-pack"
    assert [str(n) for n in result.warnings] == [
        "line 1: warning: the pack id '../My Pack!' is not a slug: 'my-pack' instead"
    ]


# --- Open Trivia DB and Aiken -------------------------------------------------------------


def test_opentdb_export_keeps_the_licence_beside_the_results() -> None:
    written = export_pack(credited_pack(), "opentdb")
    data = json.loads(written.text)
    assert list(data) == [
        "response_code",
        "author",
        "license",
        "attribution",
        "url",
        "results",
    ]
    assert data["license"] == "CC-BY-SA-4.0" and len(data["results"]) == 2
    back = imported(written.text, "opentdb")
    assert back.author == "Quiz Team"
    assert back.extra == EXTRA


def test_opentdb_file_with_its_own_licence_is_not_credited_to_opentdb() -> None:
    entry = {"type": "boolean", "question": "Sky is blue", "correct_answer": "True"}
    own = imported(json.dumps({"license": "CC0-1.0", "results": [entry]}), "opentdb")
    assert own.extra == {"license": "CC0-1.0"}
    api = imported(json.dumps({"response_code": 0, "results": [entry]}), "opentdb")
    assert api.extra == {"license": LICENSE, "attribution": ATTRIBUTION}


def test_aiken_export_says_the_licence_is_not_kept() -> None:
    notes = export_pack(credited_pack(), "aiken").notes
    assert str(notes[0]) == (
        "warning: the pack's author, license, attribution and url not kept "
        "(Aiken has no place for them)"
    )


# --- notes grouped ------------------------------------------------------------------------


def test_notes_group_by_what_they_say_errors_and_pack_notes_stay_alone() -> None:
    lost = "difficulty not kept (GIFT has no place for it)"
    not_kept, difficulty = NoteCode.FIELD_NOT_KEPT, ("difficulty",)
    broken = NoteCode.BROKEN
    notes = [
        Note("the pack's license not kept", code=NoteCode.PACK_FIELDS_NOT_KEPT),
        Note(lost, number=1, code=not_kept, about=difficulty),
        Note("a broken question", "error", 3, 2, code=broken),
        Note(lost, number=2, code=not_kept, about=difficulty),
        Note("hint not kept", number=2, code=not_kept, about=("hint",)),
        Note("a broken question", "error", 9, 5, code=broken),
        Note(lost, number=5, code=not_kept, about=difficulty),
    ]
    groups = group_notes(notes)
    assert [(g.message, g.numbers) for g in groups] == [
        ("the pack's license not kept", []),
        (lost, [1, 2, 5]),
        ("a broken question", [2]),
        ("hint not kept", [2]),
        ("a broken question", [5]),
    ]


def test_notes_group_by_code_and_about_never_by_their_words() -> None:
    same_words = "not kept"
    notes = [
        Note(same_words, number=1, code=NoteCode.FIELD_NOT_KEPT, about=("hint",)),
        Note(same_words, number=2, code=NoteCode.FIELD_NOT_KEPT, about=("source",)),
        Note(same_words, number=3, code=NoteCode.CATCH_ALL_NOT_KEPT),
        Note(same_words, number=4, code=NoteCode.FIELD_NOT_KEPT, about=("hint",)),
    ]
    groups = group_notes(notes)
    assert [(g.code, g.numbers) for g in groups] == [
        (NoteCode.FIELD_NOT_KEPT, [1, 4]),
        (NoteCode.FIELD_NOT_KEPT, [2]),
        (NoteCode.CATCH_ALL_NOT_KEPT, [3]),
    ]


def test_a_field_is_lost_when_it_is_not_at_its_described_default() -> None:
    text = (
        "id: p\ntitle: T\nquestions:\n"
        "  - {id: a, type: numeric, prompt: P, answer: 3, tolerance: 1, unit: m, hint: h,"
        " group: g, difficulty: hard, category: c, tags: [t], spoiler: mid, explanation: e,"
        " source: s, time_limit: 10}\n"
        "  - {id: b, type: numeric, prompt: P, answer: 3, difficulty: medium, spoiler: none,"
        " tags: [], tolerance: 0}\n"
    )
    pack = load_pack_text(text).pack
    assert pack is not None
    full, plain = pack.questions
    assert lost_fields(full, {"answer"}) == [
        "difficulty", "hint", "group", "source", "spoiler", "time limit", "explanation",
        "category", "tags", "unit", "tolerance",
    ]  # fmt: skip
    assert lost_fields(full, {"difficulty", "tolerance", "unit", "tags"}) == [
        "hint", "group", "source", "spoiler", "time limit", "explanation", "category",
    ]  # fmt: skip
    assert lost_fields(plain, set()) == []
