"""Unit tests for calc."""
import unittest

import calc


class CalcTest(unittest.TestCase):
    def test_add(self):
        self.assertEqual(calc.add(2, 3), 5)

    def test_mean(self):
        self.assertEqual(calc.mean([1, 2, 3, 4]), 2.5)

    def test_mean_empty(self):
        with self.assertRaises(ValueError):
            calc.mean([])

    def test_parse_number(self):
        self.assertEqual(calc.parse_number("7"), 7)
        self.assertEqual(calc.parse_number("0.5"), 0.5)


if __name__ == "__main__":
    unittest.main()
