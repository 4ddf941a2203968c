"""Load exports from the browser (administrators only): the same ETL as `python -m etl load`,
with each file's outcome in words and a link to the rows it rejected.

Limits: the size cap is Streamlit's `server.maxUploadSize` (`.streamlit/config.toml`, in MB),
enforced by the server and checked again here with a plain message; only the file types the
reader knows (DATA_SPEC §1) are offered and accepted. An upload is saved under a generated
name in a private temporary folder: the name the person gave it is only shown and logged.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from etl.aliases import field_label
from etl.load import FileResult, PartResult, load_files
from etl.reasons import reason_label
from present import format as fmt
from present.safe_text import markdown_text
from present.strings import t
from ui.auth import DATA_QUALITY, current_account, page_link
from ui.locks import lock_section
from ui.shell import current_view
from ui.uploads import ACCEPTED, display_name, max_upload_mb, refusal, save


def _counts(part: FileResult | PartResult, lang: fmt.Lang) -> dict[str, str]:
    return {
        "read": fmt.number(part.rows_read, lang),
        "loaded": fmt.number(part.rows_loaded, lang),
        "rejected": fmt.number(part.rows_rejected, lang),
    }


def _kind(kind: str | None, lang: fmt.Lang) -> str:
    """A file's kind in words; a workbook whose sheets hold different kinds is "several"."""
    return t(f"filekind.{kind}", lang) if kind else t("filekind.mixed", lang)


def _details(part: PartResult, lang: fmt.Lang) -> list[str]:
    """The lines under a table's counts: why rows were rejected, footer lines left out, rows
    older than the warehouse's version, optional columns the table lacks."""
    lines = []
    if part.reasons:
        reasons = ", ".join(
            f"{reason_label(code, lang)} {fmt.number(count, lang)}"
            for code, count in sorted(part.reasons.items(), key=lambda item: -item[1])
        )
        lines.append(t("upload.reasons", lang, reasons=reasons))
    if part.footer_lines:
        lines.append(t("upload.footer", lang, count=fmt.number(part.footer_lines, lang)))
    if part.rows_outdated:
        lines.append(t("upload.outdated", lang, count=fmt.number(part.rows_outdated, lang)))
    if part.missing_fields:
        labels = ", ".join(field_label(part.kind, name) for name in part.missing_fields)
        lines.append(t("upload.missing_fields", lang, fields=labels))
    return lines


def _show_result(result: FileResult, lang: fmt.Lang) -> None:
    """The same facts `python -m etl load` prints: the file, then each sheet of a workbook."""
    name = markdown_text(result.name)
    if result.error:
        st.error(t("upload.file_error", lang, name=name, error=markdown_text(result.error)))
        return
    line = t(
        "upload.summary", lang, name=name, kind=_kind(result.kind, lang), **_counts(result, lang)
    )
    (st.warning if result.rows_rejected else st.success)(line)
    single = len(result.parts) == 1 and not result.passed_over
    lines = _details(result.parts[0], lang) if single else []
    if not single:
        for part in result.parts:
            sheet = markdown_text(part.sheet or "")
            lines.append(
                t(
                    "upload.sheet",
                    lang,
                    sheet=sheet,
                    kind=_kind(part.kind, lang),
                    **_counts(part, lang),
                )
            )
            lines += ["— " + detail for detail in _details(part, lang)]
        lines += [
            t("upload.passed_over", lang, sheet=markdown_text(sheet))
            for sheet in result.passed_over
        ]
    for text in lines:  # sheet names, the only text from the file, were escaped above
        st.caption(text)


def _load(uploads: list[UploadedFile], lang: fmt.Lang) -> None:
    accepted: list[tuple[UploadedFile, str]] = []
    for index, upload in enumerate(uploads):
        name = display_name(upload.name, index)
        refused = refusal(name, upload.size, lang)
        if refused:
            st.error(markdown_text(refused))
        else:
            accepted.append((upload, name))
    if not accepted:
        return
    with tempfile.TemporaryDirectory(prefix="tthc-upload-") as folder:
        paths = {
            save(upload, Path(folder), index, name): name
            for index, (upload, name) in enumerate(accepted)
        }
        bar = st.progress(0.0, t("upload.running", lang))
        try:
            results = load_files(
                list(paths),
                display_names=paths,
                on_progress=lambda message, done: bar.progress(min(done, 1.0), message),
            )
        except Exception as error:  # disk full, a broken warehouse: one line, nothing changed
            bar.empty()
            first = str(error).splitlines()[0] if str(error) else type(error).__name__
            st.error(t("upload.failed_all", lang, error=markdown_text(first[:300])))
            return
        bar.progress(1.0, t("upload.done", lang))
    for result in results:
        _show_result(result, lang)
    page_link(DATA_QUALITY, t("upload.see_rejected", lang), ":material/rule:")


view = current_view()
lang = view.lang
if not current_account().admin:  # ui.auth.navigate never gives it to others: a second lock
    st.error(t("upload.admin_only", lang))
    st.stop()

st.title(t("upload.title", lang))
st.caption(
    t("upload.intro", lang, types=", ".join(ACCEPTED), max_mb=max_upload_mb()),
)
uploads = st.file_uploader(
    t("upload.files", lang),
    type=[suffix.lstrip(".") for suffix in ACCEPTED],
    accept_multiple_files=True,
    key="upload_files",
)
if st.button(t("upload.start", lang), type="primary", disabled=not uploads):
    _load(list(uploads or []), lang)

st.divider()
lock_section(view, current_account().name)  # chốt số liệu: administrators only, like loading
