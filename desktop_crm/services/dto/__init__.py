"""Plain results the services return (no peewee objects leave the service layer), one
small module per area: ``refs`` (what a result points to), ``contacts``, ``filters`` (which
contacts a list asks for), ``operators``, ``sources``, ``leads``, ``stats`` and
``decisions``. Import each type from its module: building a frozen, slotted dataclass
costs about a millisecond, so a process loads only the areas it uses (a bot's
``contact add`` builds five of the 25 types; issue 13). Nothing is re-exported here.
"""
