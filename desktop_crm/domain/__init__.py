"""Pure rules of the domain: no I/O, no Qt, nothing imported from the project."""
