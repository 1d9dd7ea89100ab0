"""Typed errors of the clinical library."""


class CalculatorInputError(ValueError):
    """An input to a calculator is missing, of the wrong type or out of range."""


class UnitError(CalculatorInputError):
    """A value came with a unit the calculator cannot convert."""
