"""Streamlit's own words in Vietnamese: its frontend ships English only ("Skip to main
content", "Help for …", "Fullscreen", "Download as CSV", the sidebar's and the menu's labels),
so in a Vietnamese interface a screen reader, a tooltip or a keyboard user met English. A small
script, installed once per browser tab, rewrites those texts and attributes as React draws them
(a MutationObserver) from the pairs in `present.strings` ("streamlit.*"); switching to English
puts Streamlit's originals back. Nothing is downloaded; the app's own strings are untouched.
The same script gives the data grid the interface's number style (its percent and localized
formats follow `navigator.languages`, the browser's locale, not the interface).
"""

from __future__ import annotations

import json

import streamlit as st

from present.format import Lang
from present.strings import STRINGS, t

# Whole texts and attribute values; the prefixes are followed by a label ("Help for Kỳ").
_WHOLE = tuple(key for key in STRINGS if key.startswith("streamlit.") and not key.endswith(
    ("help_for", "remove", "icon")
))  # fmt: skip
_PREFIXES = ("streamlit.help_for", "streamlit.remove")
_ATTRIBUTES = ("aria-label", "title", "placeholder", "data-title")

_SCRIPT = """
<script>
(() => {
  const setup = window.__tthcStreamlitVi || (window.__tthcStreamlitVi = {lang: "vi"});
  Object.assign(setup, __WORDS__);
  // The grid writes "percent" and "localized" numbers in navigator.languages' style: make that
  // the interface's language, so a bar reads 86,2% in Vietnamese whatever the browser's locale.
  Object.defineProperty(navigator, "languages", {
    configurable: true, get: () => [setup.locale],
  });
  if (setup.observer) { setup.apply(document.body); return; }
  const originals = new Map();  // node -> {attribute or "#text": English original}
  const remember = (node, name, value) => {
    const kept = originals.get(node) || {};
    if (!(name in kept)) kept[name] = value;
    originals.set(node, kept);
  };
  const translate = (value) => {
    const text = value.trim();
    if (setup.whole[text] !== undefined) return value.replace(text, setup.whole[text]);
    for (const [en, vi] of setup.prefixes) {
      if (text.startsWith(en)) return vi + text.slice(en.length);
    }
    const icon = text.match(/^([a-z_]+) icon$/);
    return icon ? setup.icon : null;
  };
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const vi = translate(node.textContent);
      if (vi !== null && vi !== node.textContent) {
        remember(node, "#text", node.textContent);
        node.textContent = vi;
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || node.closest("script, style")) return;
    for (const name of setup.attributes) {
      const value = node.getAttribute(name);
      const vi = value && translate(value);
      if (vi && vi !== value) { remember(node, name, value); node.setAttribute(name, vi); }
    }
  };
  setup.apply = (root) => {
    if (setup.lang !== "vi") {
      for (const [node, kept] of originals) for (const [name, value] of Object.entries(kept))
        name === "#text" ? (node.textContent = value) : node.setAttribute(name, value);
      originals.clear();
      return;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = root; node; node = walker.nextNode()) visit(node);
  };
  setup.observer = new MutationObserver((changes) => {
    if (setup.lang !== "vi") return;
    for (const change of changes) {
      if (change.type === "attributes" || change.type === "characterData") visit(change.target);
      for (const added of change.addedNodes) setup.apply(added);
    }
  });
  setup.observer.observe(document.body, {subtree: true, childList: true, characterData: true,
                                         attributes: true, attributeFilter: setup.attributes});
  setup.apply(document.body);
})();
</script>
"""


def streamlit_in(lang: Lang) -> None:
    """Install (once per tab) or update the rewriting of Streamlit's English for `lang`."""
    words = {
        "lang": lang,
        "locale": {"vi": "vi-VN", "en": "en-GB"}[lang],
        "whole": {t(key, "en"): t(key, "vi") for key in _WHOLE},
        "prefixes": [[t(key, "en"), t(key, "vi")] for key in _PREFIXES],
        "icon": t("streamlit.icon", "vi"),
        "attributes": list(_ATTRIBUTES),
    }
    script = _SCRIPT.replace("__WORDS__", json.dumps(words, ensure_ascii=False))
    st.sidebar.html(script + '<span class="streamlit-vi"></span>', unsafe_allow_javascript=True)
