"""The one error a person sees when a whole file cannot be used."""


class UnreadableFile(Exception):
    """A file that cannot be read at all; the message is one plain Vietnamese sentence."""
