# A test module whose cases all pass.
import unittest


class Arithmetic(unittest.TestCase):
    def test_add(self):
        self.assertEqual(2 + 3, 5)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")

    def test_containers(self):
        self.assertIn(3, [1, 2, 3])
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertCountEqual("abc", "cba")


if __name__ == "__main__":
    unittest.main()
