"""Storage: peewee models, opening and guarding the database file, migrations."""
