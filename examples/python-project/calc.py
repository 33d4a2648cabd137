"""A small calculator module used by the Bittern examples."""


def add(a, b):
    """Return the sum of a and b."""
    return a + b


def mean(values):
    """Return the arithmetic mean of a non-empty sequence."""
    if not values:
        raise ValueError("mean() of an empty sequence")
    return sum(values) / len(values)


def parse_number(text):
    """Parse an int or a float from text; this line is deliberately longer than seventy-nine characters."""
    return float(text) if "." in text else int(text)
