"""A stand-in for pylint: prints findings in pylint's parseable format
(path:LINE: [ID, object] message), which python:pylint reads."""
import ast
import sys

MAX_LINE = 79


def lint(path):
    with open(path, encoding="utf-8") as source:
        text = source.read()
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE:
            print("%s:%d: [C0301] Line too long (%d/%d)" % (path, number, len(line), MAX_LINE))
    for node in ast.walk(ast.parse(text, path)):
        if isinstance(node, ast.FunctionDef) and len(node.args.args) == 1 \
                and node.args.args[0].arg in ("a", "b", "x"):
            print("%s:%d: [C0103, %s] Argument name \"%s\" doesn't conform to snake_case"
                  % (path, node.lineno, node.name, node.args.args[0].arg))


if __name__ == "__main__":
    for name in sys.argv[1:]:
        lint(name)
