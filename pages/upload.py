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

from etl.load import FileResult, load_files
from present import format as fmt
from present.safe_text import markdown_text
from present.strings import t, t_or
from ui.auth import DATA_QUALITY, current_account, page_link
from ui.shell import current_view
from ui.uploads import ACCEPTED, display_name, max_upload_mb, refusal, save


def _show_result(result: FileResult, lang: fmt.Lang) -> None:
    name = markdown_text(result.name)
    if result.error:
        st.error(t("upload.file_error", lang, name=name, error=markdown_text(result.error)))
        return
    line = t(
        "upload.summary",
        lang,
        name=name,
        kind=t_or(f"filekind.{result.kind}", result.kind or "?", lang),
        read=fmt.number(result.rows_read, lang),
        loaded=fmt.number(result.rows_loaded, lang),
        rejected=fmt.number(result.rows_rejected, lang),
    )
    (st.warning if result.rows_rejected else st.success)(line)
    if result.reasons:
        reasons = ", ".join(
            f"{t_or(f'reason.{code}', code, lang)} {fmt.number(count, lang)}"
            for code, count in sorted(result.reasons.items(), key=lambda item: -item[1])
        )
        st.caption(t("upload.reasons", lang, reasons=markdown_text(reasons)))


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
