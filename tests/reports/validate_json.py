#!/usr/bin/env python3
"""Validates a JSON instance against a JSON Schema (any draft jsonschema knows).

Usage: validate_json.py SCHEMA INSTANCE
Exit 0 when valid, 1 with the errors listed when not, 2 on usage errors.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            instance = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate_json: {e}", file=sys.stderr)
        return 2
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(e.path))
    for e in errors[:20]:
        where = "/".join(str(p) for p in e.absolute_path)
        print(f"{argv[2]}: /{where}: {e.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
