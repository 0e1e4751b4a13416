from asiointi.folder.tests.personas import personas

__all__ = ["personas"]
