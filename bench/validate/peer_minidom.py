"""Peer for the validate benchmark: parse every recipe with Python's minidom, as Bitten does."""
import sys
from xml.dom import minidom

for path in sys.argv[1:]:
    minidom.parse(path)
