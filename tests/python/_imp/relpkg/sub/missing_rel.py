from .nonexistent import thing
