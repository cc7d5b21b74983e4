"""Encodings as spreadsheets save them: a BOM given is a BOM returned, Windows-1252 read when it is named, and any
other encoding refused with the first byte that cannot be read, its line, and what to do — over HTTP as on the
command line."""

from __future__ import annotations

import codecs
import io
import sys

import pytest

from hds_api.batch.formats.encoding import LineKeeper, Undecodable
from hds_api.cli.main import main

from .conftest import AS_OF

URL = "/v1/assessments/batch"
BOM = b"\xef\xbb\xbf"
# What French Excel saves as "CSV (séparateur : point-virgule)": Windows-1252, semicolons, CRLF.
FRENCH_EXCEL = "id;Société;personal_data\r\ns1;Clinique Sainte-Thérèse;non\r\ns2;Hôpital « Nord »;non\r\n"


def post_csv(client, body: bytes, content_type: str = "text/csv", accept: str = "text/csv", lang: str = "en"):
    return client.post(f"{URL}?as_of={AS_OF}&lang={lang}", data=body, content_type=content_type,
                       headers={"Accept": accept})  # fmt: skip


def test_a_bom_given_is_a_bom_returned_over_http(client):
    with_bom = post_csv(client, BOM + b"id;personal_data\r\ns1;non\r\n")
    without = post_csv(client, b"id;personal_data\r\ns1;non\r\n")
    assert with_bom.get_data().startswith(BOM + b"id;conclusion;status;") and not without.get_data().startswith(BOM)
    assert with_bom.mimetype == "text/csv" and with_bom.mimetype_params.get("charset") == "utf-8"


def test_a_bom_given_is_a_bom_returned_on_the_command_line(tmp_path):
    (tmp_path / "in.csv").write_bytes(BOM + b"id;personal_data\r\ns1;non\r\n")
    assert main(["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "-q"]) == 0
    assert (tmp_path / "out.csv").read_bytes().startswith(BOM + b"id;status;")


@pytest.mark.parametrize("charset", ["windows-1252", "Windows-1252", "cp1252", "iso-8859-1"])
def test_windows_1252_is_read_when_named_and_answered_in_utf_8_with_a_bom(client, charset):
    response = post_csv(client, FRENCH_EXCEL.encode("cp1252"), f"text/csv; charset={charset}")
    assert response.status_code == 200
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeffid;Société;conclusion;status;") and "Hôpital « Nord »" in text


def test_windows_1252_on_the_command_line(tmp_path):
    (tmp_path / "in.csv").write_bytes(FRENCH_EXCEL.encode("cp1252"))
    code = main(["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.jsonl"), "--encoding", "windows-1252"])
    assert code == 0 and "Clinique Sainte-Thérèse" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


def test_another_encoding_gets_the_hint_with_the_line_and_the_byte_over_http(client):
    response = post_csv(client, FRENCH_EXCEL.encode("cp1252"))  # sent as UTF-8 (no charset)
    body = response.get_json()
    assert response.status_code == 400 and set(body) == {"code", "status", "message", "errors"}
    assert body["errors"]["body"] == {
        "message": body["message"], "encoding": "UTF-8", "line": 1, "column": 8, "byte": "0xE9",
    }  # fmt: skip
    assert body["message"].startswith("The file is not UTF-8: on line 1, byte 8 (0xE9) cannot be read. Save it as")
    assert "'CSV UTF-8'" in body["message"] and "charset=windows-1252" in body["message"]


def test_the_first_offending_line_is_named_even_far_into_the_body(client):
    body = ("id;personal_data\r\n" + "".join(f"s{n};non\r\n" for n in range(5000))).encode() + b"bad;\x92\r\n"
    response = post_csv(client, body, lang="fr")
    errors = response.get_json()["errors"]["body"]
    assert (errors["line"], errors["column"], errors["byte"]) == (5002, 5, "0x92")
    assert response.get_json()["message"].startswith("Le fichier n'est pas en UTF-8 : ligne 5002, l'octet 5 (0x92)")


def test_a_byte_windows_1252_leaves_undefined_is_named_too(client):
    response = post_csv(client, b"id;personal_data\r\ns1;\x81\r\n", "text/csv; charset=windows-1252")
    assert response.status_code == 400 and response.get_json()["errors"]["body"]["encoding"] == "Windows-1252"


def test_an_unsupported_charset_is_a_415_naming_the_ones_read(client):
    response = post_csv(client, "id\r\ns1\r\n".encode("utf-16"), "text/csv; charset=utf-16")
    assert response.status_code == 415
    assert response.get_json()["errors"]["Content-Type"]["allowed"] == ["utf-8", "windows-1252"]


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"id;nom\xe9\r\na;b\r\n", "on line 1, byte 7 (0xE9)"),  # in the header
        (b"id;personal_data\r\na;non\r\n" + b"b;non\r\n" * 3000 + b"c;\xe9\r\n", "on line 3003, byte 3 (0xE9)"),
    ],
)
def test_the_command_line_names_the_line_and_byte_and_writes_nothing(tmp_path, capsys, data, where):
    (tmp_path / "in.csv").write_bytes(data)
    assert main(["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--lang", "en", "-q"]) == 2
    err = capsys.readouterr().err
    assert f"The file is not UTF-8: {where} cannot be read" in err and "--encoding windows-1252" in err
    assert not (tmp_path / "out.csv").exists()


def test_standard_input_is_placed_too_though_it_cannot_be_read_again(monkeypatch, capsys, tmp_path):
    """Standard input cannot be read again: the bytes since the current line's start are kept as it is read, so
    the first byte that cannot be read is still placed, and the hint is given once."""
    piped = io.BufferedReader(io.BytesIO(b"id;personal_data\r\ns2;\xe9\r\n"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(piped))
    assert main(["batch", "-", "--format", "csv", "-o", str(tmp_path / "out.csv"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "The file is not UTF-8: on line 2, byte 4 (0xE9) cannot be read." in err
    assert err.count("Save it as 'CSV UTF-8'") == 1 and not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64])
def test_a_line_keeper_places_the_byte_whatever_the_reads(chunk):
    """Read in chunks of any size, a two-byte character split between reads included, as a decoder reads."""
    data = "id,é\nrow,ça\nlast,".encode() + b"\xff tail\n"
    keeper = LineKeeper(io.BufferedReader(io.BytesIO(data)))
    decoder = codecs.getincrementaldecoder("utf-8")()
    with pytest.raises(UnicodeDecodeError):
        while block := keeper.read1(chunk):
            decoder.decode(block)
    assert keeper.locate("utf-8") == Undecodable("utf-8", 3, 6, 0xFF)
    assert keeper.lines_before <= 2 and len(keeper.kept) <= chunk + len(b"last,")


def test_a_line_keeper_keeps_a_bounded_amount_then_gives_the_hint_alone():
    keeper = LineKeeper(io.BufferedReader(io.BytesIO(b"x" * 100 + b"\xff")), limit=64)
    while keeper.read1(16):
        pass
    assert keeper.kept is None and keeper.locate("utf-8") == Undecodable("utf-8")
