"""Size limits of a contact's fields: one truth for the form, the CLI and the importer."""

MAX_EXTERNAL_ID_LENGTH = 255
MAX_LEAD_NAME_LENGTH = 500
MAX_MESSAGE_LENGTH = 65_536
MAX_SOURCE_REFERENCE_LENGTH = 255  # an id, a code or a name
