"""Replace docstrings of named functions/classes in a module file.

Usage: python tools/set_docstrings.py FILE SPEC.py
SPEC.py defines DOCS = {'name' or 'Class.method': 'new docstring text'}.
The docstring is re-indented to the definition's body.
"""
import ast
import sys


def main(path, spec_path):
    ns = {}
    exec(open(spec_path).read(), ns)
    docs = ns['DOCS']
    source = open(path).read()
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    edits = []

    def visit(node, prefix=''):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.ClassDef,
                                  ast.AsyncFunctionDef)):
                name = prefix + child.name
                if name in docs and ast.get_docstring(child) is not None:
                    doc_node = child.body[0]
                    indent = ' ' * doc_node.col_offset
                    text = docs.pop(name).strip('\n')
                    body = '\n'.join((indent + l) if l.strip() else ''
                                     for l in text.splitlines())
                    new = indent + '"""' + body.lstrip() + '\n' + indent + '"""\n'
                    if '\n' not in text:
                        new = indent + '"""' + text + '"""\n'
                    edits.append((doc_node.lineno - 1, doc_node.end_lineno, new))
                if isinstance(child, ast.ClassDef):
                    visit(child, name + '.')
    visit(tree)
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end] = [new]
    open(path, 'w').write(''.join(lines))
    if docs:
        print('not found:', sorted(docs))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
